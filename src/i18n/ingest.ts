// Messages about returns (data/*) and regions files (regions/*). Each says what
// is wrong and what to do, in words a statistician filling in a form can act on.
import type { Catalog } from './catalog.js';

const file: Catalog = {
  'data/excel-workbook': {
    zh: '这是 Excel 工作簿（.xlsx/.xls），不是 CSV；请在 Excel 中“另存为”→“CSV UTF-8（逗号分隔）”后再检查',
    en: 'this is an Excel workbook (.xlsx/.xls), not a CSV; in Excel use Save As → "CSV UTF-8 (Comma delimited)" and check that file',
  },
  'data/binary-file': {
    zh: '文件含有二进制内容，不是文本表格；请另存为 CSV（UTF-8）或“Unicode 文本”后再检查',
    en: 'the file holds binary content, not a text table; save it as CSV (UTF-8) or "Unicode Text" and check that file',
  },
  'data/bad-encoding': {
    zh: '文件开头标明是 {encoding} 编码，但内容不是有效的 {encoding}；请用 Excel 重新另存为“CSV UTF-8（逗号分隔）”',
    en: 'the file starts with a {encoding} byte-order mark but is not valid {encoding}; save it again from Excel as "CSV UTF-8 (Comma delimited)"',
  },
  'data/undecodable-bytes': {
    zh: '这一行有无法识别的字符（已显示为 �）；文件既不是 UTF-8 也不是完整的 GB18030，请另存为“CSV UTF-8（逗号分隔）”',
    en: 'this line holds characters that cannot be read (shown as �); the file is neither UTF-8 nor clean GB18030; save it as "CSV UTF-8 (Comma delimited)"',
  },
  'data/empty-file': {
    zh: '文件是空的，没有表头和数据；第一行应是列名（指标、地区、年份、数值……）',
    en: 'the file is empty; its first line should be the column names (indicator, region, year, value …)',
  },
  'data/unclosed-quote': {
    zh: '这里开始的引号 " 一直到文件末尾（第 {endLine} 行）都没有闭合；请补上闭合的引号，或删去多余的引号',
    en: 'the quote " opened here is never closed (the file ends at line {endLine}); close it or remove the stray quote',
  },
  'data/csv-syntax': {
    zh: '这里的 CSV 格式无法读取（多半是引号 " 没有成对）；请在 Excel 中打开并重新另存为 CSV',
    en: 'the CSV cannot be read here (most likely a quote " that does not pair up); open the file in Excel and save it again as CSV',
  },
};

const header: Catalog = {
  'data/missing-column': {
    zh: '缺少“{label}”列；请在第一行加上这一列，列名可写作：{accepted}',
    en: 'the {field} column is missing; add it to the first line under one of these names: {acceptedEn}',
  },
  'data/missing-value-column': {
    zh: '缺少“数值”列；请加上数值列（列名可写作：{accepted}），或同时加上“分子”和“分母”两列',
    en: 'there is no value column; add one (named {acceptedEn}), or both a numerator and a denominator column',
  },
  'data/unknown-column': {
    zh: '不认识的列名“{name}”，这一列将被忽略；如需使用，请改为以下列名之一：{accepted}',
    en: 'unknown column "{name}", which is ignored; to use it, rename it to one of: {acceptedEn}',
  },
  'data/duplicate-column': {
    zh: '“{name}”与第 {first} 列重复，都是“{label}”列；请删去或改名其中一列',
    en: '"{name}" is a second {field} column (the first is column {first}); delete or rename one of them',
  },
  'data/lone-ratio-column': {
    zh: '有“{label}”列但没有“{other}”列，无法计算比率，“{label}”列将被忽略；请补上“{other}”列或删去“{label}”列',
    en: 'there is a {field} column but no {otherField} column, so it is ignored; add the {otherField} column or delete this one',
  },
  'data/extra-cells': {
    zh: '这一行在表头之外还有内容“{value}”，将被忽略；请检查是否多了逗号——数字中的千分位逗号要么去掉，要么整格加英文引号',
    en: 'this row has content beyond the header ("{value}"), which is ignored; check for a stray comma: a thousands separator needs the cell quoted, or remove it',
  },
};

const row: Catalog = {
  'data/missing-indicator': {
    zh: '指标为空；请填写规划中的指标名称或指标 id（plancheck indicators 可列出全部指标）',
    en: 'the indicator is empty; fill in the plan\'s indicator name or id (plancheck indicators lists them)',
  },
  'data/unknown-indicator': {
    zh: '规划中没有指标“{name}”；请使用规划中的指标名称或 id（plancheck indicators 可列出全部指标）',
    en: 'the plan has no indicator "{name}"; use the plan\'s indicator name or id (plancheck indicators lists them)',
  },
  'data/unknown-indicator-did-you-mean': {
    zh: '规划中没有指标“{name}”；是不是“{suggestion}”？请改用规划中的名称',
    en: 'the plan has no indicator "{name}"; did you mean "{suggestion}"? Use the plan\'s name',
  },
  'data/unknown-region': {
    zh: '不认识的地区“{name}”；请填写规划中的地区名称、简称或行政区划代码，乡镇（街道）请用 --regions 提供',
    en: 'unknown region "{name}"; use a region name, short name or code from the plan, and give townships with --regions',
  },
  'data/unknown-region-did-you-mean': {
    zh: '不认识的地区“{name}”；是不是“{suggestion}”？请改用规划中的地区名称或行政区划代码',
    en: 'unknown region "{name}"; did you mean "{suggestion}"? Use the region\'s name or code',
  },
  'data/ambiguous-region-code': {
    zh: '“{name}”既是地区代码，又是另一个地区的名称或别名，可读作：{candidates}；无法确定这一行属于哪个地区。请删去 --regions 文件（或规划）中与代码相同的名称或别名，或在报表中写地区全称',
    en: '"{name}" is both a region code and another region\'s name or alias, so it reads as any of {candidatesEn}; the row\'s region cannot be told. Remove the name or alias equal to the code from the --regions file (or the plan), or write the region\'s full name',
  },
  'data/ambiguous-region': {
    zh: '地区“{name}”可指多个地区：{candidates}；请改用全称或行政区划代码',
    en: 'the region "{name}" could be any of {candidatesEn}; use the full name or the code',
  },
  'data/missing-year': { zh: '年份为空；请填写年份，如 2023', en: 'the year is empty; fill in a year such as 2023' },
  'data/not-a-year': { zh: '年份“{value}”无法识别；请写成 2023 或 2023年', en: 'the year "{value}" cannot be read; write it as 2023' },
  'data/year-out-of-range': { zh: '年份 {value} 不在 1900–2100 之间；请检查是否写错', en: 'the year {value} is not between 1900 and 2100; check it' },
  'data/bad-sex': {
    zh: '性别“{value}”无法识别；请填写 男、女 或 合计（留空也表示合计）',
    en: 'the sex "{value}" cannot be read; use male, female or total (empty means total)',
  },
  'data/bad-residence': {
    zh: '城乡“{value}”无法识别；请填写 城市（城镇）、农村（乡村）或 合计（留空也表示合计）',
    en: 'the area "{value}" cannot be read; use urban, rural or total (empty means total)',
  },
};

const value: Catalog = {
  'data/not-a-number': {
    zh: '{label}“{value}”不是数字；请只填写数字，可带 % 或 ‰；没有数据请留空或填“—”',
    en: 'the {field} "{value}" is not a number; write only the number, optionally with % or ‰; leave it empty or write "—" when there is no data',
  },
  'data/bad-thousands': {
    zh: '{label}“{value}”的千分位逗号位置不对；请去掉逗号，或每三位数字用一个逗号（如 1,234.5）',
    en: 'the {field} "{value}" has misplaced thousands separators; remove them, or group by three digits (1,234.5)',
  },
  'data/number-out-of-range': {
    zh: '{label}“{value}”超出了可处理的数值范围；请检查是否写错',
    en: 'the {field} "{value}" is outside the range of numbers plancheck handles; check it',
  },
  'data/bad-boolean': {
    zh: '这是“是/否”指标，“{value}”无法识别；请填写 是 或 否（也可写 有/无、1/0）',
    en: 'this is a yes/no indicator and "{value}" cannot be read; write yes or no (or 1 / 0)',
  },
  'data/negative-value': {
    zh: '“{indicator}”的数值 {value} 是负数；比率和数量不能为负，请检查',
    en: 'the value {value} of "{indicator}" is negative; a rate or a count cannot be; check it',
  },
  'data/unit-mismatch': {
    zh: '“{indicator}”的单位是“{expected}”，不能用“{unit}”表示（“{value}”）；请填写以“{expected}”计的数值，不带 {unit}',
    en: '"{indicator}" is measured in {expected}, not {unit} ("{value}"); write the value in {expected} without the {unit}',
  },
  'data/unknown-unit': {
    zh: '单位“{unit}”与“{indicator}”的单位“{expected}”不同，且无法换算；请换算成“{expected}”，单位栏填“{expected}”或留空',
    en: 'the unit "{unit}" differs from the unit of "{indicator}" ({expected}) and cannot be converted; convert the value to {expected} and write {expected} or nothing in the unit column',
  },
  'data/unit-conflict': {
    zh: '数值“{value}”自带的单位与单位栏的“{unit}”不一致；请只保留一个正确的单位',
    en: 'the value "{value}" carries a unit that differs from the unit column ("{unit}"); keep only the right one',
  },
};

const ratio: Catalog = {
  'data/ratio-not-rate': {
    zh: '“{indicator}”不是比率指标，不能用分子、分母计算；请只填写数值，分子、分母留空',
    en: '"{indicator}" is not a rate, so it cannot be computed from a numerator and denominator; fill in the value and leave those empty',
  },
  'data/ratio-with-unit': {
    zh: '分子、分母“{value}”应是人数、次数等计数，不能带 % 或 ‰；请填写原始计数',
    en: 'a numerator or denominator ("{value}") is a count and cannot carry % or ‰; write the count itself',
  },
  'data/ratio-incomplete': {
    zh: '只填了分子、分母中的一个，缺少{label}；请两个都填，或都留空',
    en: 'only one of numerator and denominator is given (the {field} is missing); give both or neither',
  },
  'data/negative-numerator': { zh: '分子“{value}”是负数；分子应是 0 或正数', en: 'the numerator "{value}" is negative; it must be 0 or more' },
  'data/bad-denominator': { zh: '分母“{value}”应大于 0；请检查分母', en: 'the denominator "{value}" must be greater than 0; check it' },
  'data/ratio-mismatch': {
    zh: '数值 {value} 与分子/分母算出的 {computed}（{numerator}÷{denominator}）不一致；请核对数值、分子和分母',
    en: 'the value {value} disagrees with {computed} computed from {numerator} / {denominator}; check the value, numerator and denominator',
  },
};

const duplicates: Catalog = {
  'data/conflict': {
    zh: '与 {first} 是同一指标、地区、年份和分组，但数值不同（“{firstValue}”与“{value}”）；请核对后只保留正确的一行',
    en: 'same indicator, region, year and disaggregation as {first}, with a different value ("{firstValue}" and "{value}"); keep only the right row',
  },
  'data/duplicate-row': {
    zh: '与 {first} 重复（同一指标、地区、年份和分组，数值相同），只计一次；可删去这一行',
    en: 'repeats {first} (same indicator, region, year, disaggregation and value) and is counted once; the row can be deleted',
  },
};

const regions: Catalog = {
  'regions/missing-code': { zh: '代码为空；请填写行政区划代码（6–12 位数字）', en: 'the code is empty; fill in the region code (6–12 digits)' },
  'regions/bad-code': {
    zh: '代码“{value}”不是 6–12 位数字的行政区划代码；请检查，并在 Excel 中把这一列设为文本以免丢失开头的 0',
    en: 'the code "{value}" is not a region code of 6–12 digits; check it, and format the column as text in Excel so leading zeros stay',
  },
  'regions/name-is-code': {
    zh: '“{value}”既是{owner}的代码，又是{other}的名称或别名；报表中写 {value} 的行无法确定属于哪个地区。请删去或改正这个名称或别名',
    en: '"{value}" is both the code of {owner} and a name or alias of {other}; a return row that writes {value} could mean either. Remove or correct that name or alias',
  },
  'regions/duplicate-code': {
    zh: '代码 {value} 已在第 {first} 行出现；每个地区只写一行',
    en: 'the code {value} already appears on line {first}; give each region one row',
  },
  'regions/missing-name': { zh: '名称为空；请填写地区名称，如“城东街道”', en: 'the name is empty; fill in the region\'s name' },
  'regions/missing-parent': {
    zh: '上级为空；请填写上级地区的行政区划代码或名称',
    en: 'the parent is empty; fill in the parent region\'s code or name',
  },
  'regions/self-parent': { zh: '上级“{value}”就是这个地区本身；请填写它的上级地区', en: 'the parent "{value}" is the region itself; give its parent region' },
  'regions/unknown-parent': {
    zh: '上级“{value}”既不在规划中，也不在本文件前面的行中；请填写已有地区的代码或名称，并把上级写在下级之前',
    en: 'the parent "{value}" is neither in the plan nor on an earlier line of this file; use a known region\'s code or name, and list parents before their units',
  },
  'regions/ambiguous-parent': {
    zh: '上级“{value}”可指多个地区：{candidates}；请改用代码',
    en: 'the parent "{value}" could be any of {candidatesEn}; use its code',
  },
  'regions/unknown-level': {
    zh: '层级“{value}”不是规划中的层级；请填写 {allowed} 之一，或留空（自动取上级的下一级）',
    en: 'the level "{value}" is not one of the plan\'s levels; use one of {allowedEn}, or leave it empty for the level below the parent',
  },
  'regions/no-level-below': {
    zh: '上级“{parent}”已是规划中最低的层级（{level}），其下不能再有地区；请检查上级是否填错',
    en: 'the parent "{parent}" is at the plan\'s lowest level ({level}), so nothing can be below it; check the parent',
  },
  'regions/bad-population': {
    zh: '人口“{value}”不是有效的人数；请填写非负整数，如 52000 或 5.2万',
    en: 'the population "{value}" is not a head count; write a number of 0 or more, such as 52000',
  },
};

const workbook: Catalog = {
  'data/xls-workbook': {
    zh: '这是旧版 Excel 工作簿（.xls）；请在 Excel 中“另存为”→“Excel 工作簿（*.xlsx）”或“CSV UTF-8（逗号分隔）”后再检查',
    en: 'this is an old-style Excel workbook (.xls); in Excel use Save As → "Excel Workbook (*.xlsx)" or "CSV UTF-8 (Comma delimited)" and check that file',
  },
  'data/xlsx-unreadable': {
    zh: '无法作为 .xlsx 工作簿读取：文件的压缩结构已损坏或不完整（可能在复制、下载或作为邮件附件时被截断）；请重新获取原文件，或在 Excel 中打开后重新保存',
    en: 'cannot be read as an .xlsx workbook: its zip structure is damaged or incomplete (perhaps cut short when copied, downloaded or attached to a mail); get the original again, or open it in Excel and save it again',
  },
  'data/xlsx-no-sheets': { zh: '工作簿中没有工作表；请把报表放在第一个工作表中', en: 'the workbook has no sheets; put the return on its first sheet' },
  'data/xlsx-no-such-sheet': {
    zh: '工作簿中没有工作表“{sheet}”；--sheet 可填工作表名称或序号：{sheets}',
    en: 'the workbook has no sheet "{sheet}"; give --sheet one of these names or numbers: {sheetsEn}',
  },
  'data/xlsx-sheet': {
    zh: '读取工作表“{sheet}”（工作簿共 {count} 个工作表，其余：{others}）；如需读取其他工作表，请加 --sheet 名称或序号',
    en: 'reading the sheet "{sheet}" (the workbook has {count} sheets; the others: {othersEn}); add --sheet NAME or --sheet N to read another',
  },
  'data/xlsx-error-value': {
    zh: '单元格是 Excel 错误值 {value}；请修正公式或数据，没有数据时请填“—”',
    en: 'the cell holds the Excel error {value}; fix the formula or the data, or write "—" when there is no data',
  },
  'data/xlsx-formula-no-value': {
    zh: '公式 {formula} 没有保存计算结果（文件可能由程序生成、未在 Excel 中保存过）；请在 Excel 中打开并保存，或把公式改为数值',
    en: 'the formula {formula} has no saved result (the file was probably written by a program and never saved in Excel); open and save it in Excel, or replace the formula by its value',
  },
};

const layout: Catalog = {
  'data/layout-years': {
    zh: '按宽表读取：年份在列（{count} 列：{years}），每个单元格是一个指标、地区在该年的数值；如不对，请用 --layout long|years|regions 指定',
    en: 'read as a wide table with years as columns ({count}: {yearsEn}), each cell one indicator and region in that year; if that is wrong, give --layout long|years|regions',
  },
  'data/layout-regions': {
    zh: '按宽表读取：地区在列（{count} 个：{regions}），每个单元格是一个指标在该地区的数值；如不对，请用 --layout long|years|regions 指定',
    en: 'read as a wide table with regions as columns ({count}: {regionsEn}), each cell one indicator in that region; if that is wrong, give --layout long|years|regions',
  },
  'data/layout-not-found': {
    zh: '按 --layout {layout} 读取，但表头中没有可识别的{layout}列（年份如 2023、2023年；地区如 各市（区）的名称、简称或行政区划代码）；请检查表头，或去掉 --layout 自动识别',
    en: '--layout {layout} was given but the header has no {layout} columns (years such as 2023 or 2023年, regions such as a name or code); check the header, or drop --layout to detect the layout',
  },
  'data/layout-mixed': {
    zh: '宽表中不能再有“{label}”列：{layout} 宽表的{label}已在表头各列中；请删去这一列，或用 --layout long 按长表读取',
    en: 'a wide table cannot also have a {field} column: in this {layout} table the {field} is in the header of each column; delete this column, or read the file with --layout long',
  },
  'data/unknown-region-column': {
    zh: '表头“{name}”不是规划中的地区，这一列的数据无法读取；是不是“{suggestion}”？请改用地区全称、简称或行政区划代码',
    en: 'the header "{name}" is not a region of the plan, so its column cannot be read; did you mean "{suggestionEn}"? Use the region\'s name, short name or code',
  },
  'data/bad-year-column': {
    zh: '表头“{name}”无法识别为年份，这一列的数据无法读取；请写成 2023 或 2023年（分子、分母列写成 2023年分子、2023年分母）',
    en: 'the header "{name}" cannot be read as a year, so its column cannot be read; write 2023 or 2023年 (2023年分子 / 2023年分母 for numerator and denominator columns)',
  },
  'data/footnote-skipped': {
    zh: '“{text}”看作表格下方的注释，已跳过',
    en: '"{text}" is taken as a footnote under the table and skipped',
  },
};

// The size limits of src/ingest/limits.ts, which a return breaks before it is read.
const limits: Catalog = {
  'data/cell-too-long': {
    zh: '这个单元格超过 {limit} 字节（Excel 一个单元格最多 {excel} 个字符），不像报表数据；请检查是否有引号没有闭合，或文件不是报表 CSV。整个文件未读取',
    en: 'this cell is longer than {limit} bytes (Excel holds at most {excel} characters in a cell), which no return holds; look for a quote that never closes, or whether this is a return at all. The file was not read',
  },
  'data/line-too-long': {
    zh: '这一行超过 {limit} 字节，不像报表数据；请确认文件是报表 CSV（每行一个数据）。整个文件未读取',
    en: 'this line is longer than {limit} bytes, which no return holds; check that this is a return CSV (one observation a row). The file was not read',
  },
  'data/too-many-cells': {
    zh: '这一行超过 {limit} 个单元格，不像报表数据；请确认分隔符（逗号或制表符）和文件内容。整个文件未读取',
    en: 'this row has more than {limit} cells, which no return holds; check the delimiter (comma or tab) and the file. The file was not read',
  },
  'data/mixed-encoding': {
    zh: '文件混用了两种编码：第 {utf8Line} 行是 UTF-8，第 {gbkLine} 行是 GBK/GB18030（多半是从别的文件粘贴进来的）；请在 Excel 中把整个文件另存为“CSV UTF-8（逗号分隔）”。整个文件未读取',
    en: 'the file mixes two encodings: line {utf8Line} is UTF-8, line {gbkLine} is GBK/GB18030 (most likely pasted in from another file); save the whole file again from Excel as "CSV UTF-8 (Comma delimited)". The file was not read',
  },
  'data/big5-text': {
    zh: '这一列有 {count} 格像是 Big5（繁体）编码的文字被当作 GBK 读取（第 {lines} 行）：按 GBK 读作“{gbk}”，按 Big5 应为“{big5}”。plancheck 不猜测编码：请在 Excel 中把文件另存为“CSV UTF-8（逗号分隔）”（或 GBK 的 CSV）后再运行',
    en: 'this column has {count} cell(s) that look like Big5 (traditional Chinese) text read as GBK (line(s) {linesEn}): as GBK it reads "{gbk}", as Big5 "{big5}". plancheck does not guess encodings: save the file from Excel as "CSV UTF-8 (Comma delimited)" (or as a GBK CSV) and run again',
  },
  'data/private-use-text': {
    zh: '这一列有 {count} 格含有私用区字符（第 {lines} 行，如“{gbk}”），按 GBK 读取后不是任何文字，文件可能是另一种编码（如 Big5）；请在 Excel 中把文件另存为“CSV UTF-8（逗号分隔）”后再运行',
    en: 'this column has {count} cell(s) with private-use characters (line(s) {linesEn}, e.g. "{gbk}"), which are no text when read as GBK: the file may be in another encoding (such as Big5); save it from Excel as "CSV UTF-8 (Comma delimited)" and run again',
  },
};

// Returns as offices send them (issue 22 §1): region columns under other names, a year only in
// the title, units in names and cells, indicators the plan does not have.
const asTheyCome: Catalog = {
  'data/region-column-ignored': {
    zh: '第 {column} 列“{name}”不是可识别的列名，但内容是地区名称（{regions}）；不读这一列，所有数据都会算作全市的。请把列名改为以下之一：{accepted}',
    en: 'column {column} ("{name}") has a header plancheck does not know, but holds region names ({regionsEn}); without it every row would count as the whole city. Rename the header to one of: {acceptedEn}',
  },
  'data/region-column-unnamed': {
    zh: '第 {column} 列没有列名，但内容是地区名称（{regions}）；不读这一列，所有数据都会算作全市的。请在表头写上列名，如：{accepted}',
    en: 'column {column} has no header but holds region names ({regionsEn}); without it every row would count as the whole city. Give it a header, such as: {acceptedEn}',
  },
  'data/indicators-not-in-plan': {
    zh: '报表中有 {count} 项规划没有的指标（{names}），共 {rows} 行，未读取；如其中有规划指标的别名，请改用规划中的名称（plancheck indicators 可列出全部指标）',
    en: 'the return has {count} indicators the plan does not have ({namesEn}), on {rows} rows, which are not read; if one is another name of a plan indicator, use the plan\'s name (plancheck indicators lists them)',
  },
  'data/unit-in-cell-read': {
    zh: '“{indicator}”的数值带有单位“{unit}”（共 {count} 处），与指标单位相同，已按数字读取；以后请只填数字',
    en: 'the values of "{indicator}" carry the unit "{unit}" ({count} cells), the indicator\'s own, and are read as numbers; write the number alone next time',
  },
  'data/unit-in-cell': {
    zh: '数值“{value}”带有单位“{unit}”，而“{indicator}”的单位是“{expected}”；请删去单位，填写以“{expected}”计的数字（必要时先换算）',
    en: 'the value "{value}" carries the unit "{unit}", but "{indicator}" is measured in {expected}; remove the unit and write the number in {expected} (convert it first if need be)',
  },
  'data/name-unit-conflict': {
    zh: '指标名“{name}”中的单位与单位栏的“{unit}”不一致；请只保留一个正确的单位',
    en: 'the unit in the indicator name "{name}" differs from the unit column ("{unit}"); keep only the right one',
  },
  'data/no-region-column': {
    zh: '报表没有地区列，所有数据按“{region}”读取；如是下级地区的数据，请加上“地区”列',
    en: 'the return has no region column, so every row is read as {region}; if the figures are for a lower region, add a region column',
  },
  'data/year-from-title': {
    zh: '报表没有年份列，年份 {year} 取自标题“{title}”',
    en: 'the return has no year column; the year {year} is taken from its title "{title}"',
  },
  'data/year-from-option': {
    zh: '报表没有年份列，年份 {year} 取自 --year',
    en: 'the return has no year column; the year {year} is taken from --year',
  },
};

export const ingestMessages: Catalog = { ...file, ...header, ...row, ...value, ...ratio, ...duplicates, ...regions, ...workbook, ...layout, ...limits, ...asTheyCome };
