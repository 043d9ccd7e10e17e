/**
 * Project-name normalisation as defined by PEP 503 ("Simple Repository API", section "Normalized
 * Names"): runs of `-`, `_` and `.` collapse to a single `-`, and the result is lower-cased. Python:
 * `re.sub(r"[-_.]+", "-", name).lower()`. https://peps.python.org/pep-0503/#normalized-names
 */
export function normalizeName(name: string): string {
  return name.replace(/[-_.]+/g, "-").toLowerCase();
}
