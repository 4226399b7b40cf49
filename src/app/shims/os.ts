// os for the page: @colors/colors (cli-table3's colours, which the page never asks for)
// names it when loaded; the release it reads is none.
export const EOL = '\n';
export const release = (): string => '';
export default { EOL, release };
