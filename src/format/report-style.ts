// The HTML report's stylesheet, inlined into the one file: screen and A4 print.
export const REPORT_CSS = `
:root{--ink:#1f2328;--muted:#57606a;--line:#d0d7de;--soft:#f6f8fa}
*{box-sizing:border-box}
body{font-family:"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","Hiragino Sans GB","WenQuanYi Micro Hei",system-ui,sans-serif;color:var(--ink);font-size:14px;line-height:1.55;max-width:1120px;margin:0 auto;padding:24px 28px 48px}
h1{font-size:24px;margin:0 0 6px}h2{font-size:20px;margin:32px 0 10px;padding-bottom:4px;border-bottom:2px solid var(--ink)}
h3{font-size:17px;margin:26px 0 8px;padding-left:8px;border-left:4px solid #0b5cad}h4{font-size:15px;margin:0 0 4px}
p{margin:4px 0}.meta,.muted,figcaption,.source{color:var(--muted)}.source{font-size:12px}
small{font-weight:normal;color:var(--muted)}
#narrative p.narrative{text-indent:2em;line-height:1.8;margin:6px 0;max-width:60em}#narrative ul.narrative{line-height:1.8;max-width:60em}
nav.toc{margin:12px 0;font-size:13px}nav.toc a{margin-right:12px;color:#0b5cad;text-decoration:none}
table{border-collapse:collapse;font-size:12.5px;margin:6px 0 10px}
th,td{border:1px solid var(--line);padding:3px 7px;vertical-align:top}
th{background:var(--soft);font-weight:600;text-align:center}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.name{min-width:9em}td.region{white-space:nowrap}caption{text-align:left;font-weight:600;padding:2px 0}
.row-area th{text-align:left;background:#eaeef2}
.counts{display:flex;flex-wrap:wrap;gap:18px;align-items:flex-start}
.st,.cl{white-space:nowrap;text-align:center}
.st-met{background:#dafbe1;color:#116329}.st-not-met{background:#ffebe9;color:#a40e26;font-weight:600}
.st-no-data{background:#f6f8fa;color:#6e7781}.st-invalid{background:#fbefff;color:#8250df;font-weight:600}.st-not-applicable{background:#fff;color:#8c959f}
.cl-achieved{background:#1a7f37;color:#fff}.cl-on-track{background:#aceebb;color:#0f3d1e}.cl-speed-up{background:#fff1b3;color:#6b4b00}
.cl-limited{background:#ffd8b5;color:#7a2e00}.cl-moving-away{background:#cf222e;color:#fff}.cl-unknown{background:#eaeef2;color:#57606a}
article.indicator{border-top:1px solid var(--line);padding:14px 0 6px}
figure.chart{margin:6px 0}figure.chart>svg{max-width:100%;height:auto;display:block}
figcaption{font-size:12px}.key{margin-right:12px;white-space:nowrap}.key svg{vertical-align:middle;margin-right:3px}
ul.notes{margin:4px 0 8px;padding-left:20px;font-size:12.5px}
.grid td.st{font-size:12px;padding:2px 4px}
@page{size:A4;margin:14mm 12mm}
@media print{
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 body{max-width:none;padding:0;font-size:9.5pt}
 nav.toc{display:none}
 h2{break-before:page;break-after:avoid}h3,h4{break-after:avoid}
 #summary h2{break-before:auto}
 table{font-size:7.8pt}th,td{padding:1px 4px}td.name{min-width:13em}
 thead{display:table-header-group}tr,figure.chart{break-inside:avoid}
 article.indicator{break-inside:avoid-page}
 a{color:inherit;text-decoration:none}
}
`;
