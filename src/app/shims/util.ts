// util for the page: @colors/colors names it when loaded, for inspect, which it uses to
// show a non-string; String does that here.
export const inspect = (x: unknown): string => String(x);
export default { inspect };
