import { z } from "zod";

/**
 * The action's inputs: one schema owns every default. `action.yml` declares the same names and
 * defaults (test/github/inputs.test.ts keeps the two in agreement); the runner fills in action.yml's
 * defaults, and this schema fills them in again for local runs where an `INPUT_*` variable is absent.
 *
 * Input values arrive as strings. `undefined` means "not set"; for the enum and boolean inputs an empty
 * string also means "not set". For `check-run` the empty string is meaningful: it skips the check run.
 */

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const enumInput = <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
  z.preprocess(
    blankToUndefined,
    z
      .enum(values, { error: (iss) => `must be one of ${values.join(" | ")}; got \`${String(iss.input)}\`` })
      .default(fallback as never),
  );

/** YAML 1.2 core-schema booleans, as @actions/core's getBooleanInput accepts them. */
const TRUE = ["true", "True", "TRUE"];
const FALSE = ["false", "False", "FALSE"];
const booleanInput = (fallback: boolean) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .refine((s) => TRUE.includes(s) || FALSE.includes(s), {
        error: (iss) => `must be true or false; got \`${String(iss.input)}\``,
      })
      .transform((s) => TRUE.includes(s))
      .optional()
      .transform((b) => b ?? fallback),
  );

export const FAIL_ON = ["error", "warning", "notice", "never"] as const;
export const FILTER_MODES = ["nofilter", "added", "file"] as const;

/** An enum input with no default of its own: unset (undefined) lets the config file decide. */
const optionalEnumInput = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    blankToUndefined,
    z
      .enum(values, { error: (iss) => `must be one of ${values.join(" | ")}; got \`${String(iss.input)}\`` })
      .optional(),
  );
export const COMMENT_MODES = ["always", "on-findings", "never"] as const;
export const BASE_MODES = ["auto", "off"] as const;

export const inputsSchema = z.object({
  /** Token for the comment and the check run. Empty: publish nothing through the API. */
  "github-token": z.string().default(""),
  /** Folder to scan, relative to the repository root. */
  "working-directory": z.preprocess(blankToUndefined, z.string().default(".")),
  /** Path of a deploy-drift config file, relative to the repository root. Empty: the default lookup. */
  config: z.string().default(""),
  /**
   * Set: overrides the config's `fail-on`. Unset (empty, action.yml's default): the config's
   * `fail-on`, else `error`. Input (only when set) > config > default.
   */
  "fail-on": optionalEnumInput(FAIL_ON),
  /** With a base revision, what blocks and is annotated; unset: the config's `filter-mode`, else `nofilter`. */
  "filter-mode": optionalEnumInput(FILTER_MODES),
  comment: enumInput(COMMENT_MODES, "always"),
  /** Name of the check run; empty skips the check run. */
  "check-run": z.string().default("deploy-drift"),
  /**
   * Tells apart the sticky comments of runs that share a workflow, job and folder (matrix jobs):
   * e.g. `${{ matrix.python }}`. Empty: one comment per workflow, job and folder.
   */
  "comment-key": z.string().default(""),
  annotations: booleanInput(true),
  /**
   * Pull request to comment on when the event has none (a `workflow_run` publishing for a fork PR).
   * Empty: the event's own pull request, if any.
   */
  "pull-request": z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[1-9][0-9]*$/, {
        error: (iss) => `must be a pull request number; got \`${String(iss.input)}\``,
      })
      .transform(Number)
      .optional(),
  ),
  /**
   * Compare a pull request with its base revision (the change checks): `auto` reads the base from git
   * when the checkout has it, else through the API; `off` skips the comparison.
   */
  base: enumInput(BASE_MODES, "auto"),
  /**
   * Opt-in PyPI look-ups (requires_python and wheels of pinned releases). Only this input turns them
   * on in the action: a pull request's own config must not make the runner send requests.
   */
  pypi: booleanInput(false),
});

export type Inputs = z.output<typeof inputsSchema>;
export type CommentMode = Inputs["comment"];
export const INPUT_NAMES = Object.keys(inputsSchema.shape) as Array<keyof typeof inputsSchema.shape>;

/**
 * Defaults as action.yml must declare them. `github-token` is the one the runner evaluates
 * (`${{ github.token }}`); the schema's own default for it is "no token".
 */
export const ACTION_YML_DEFAULTS: Record<(typeof INPUT_NAMES)[number], string> = {
  "github-token": "${{ github.token }}",
  "working-directory": ".",
  config: "",
  "fail-on": "",
  "filter-mode": "",
  comment: "always",
  "check-run": "deploy-drift",
  "comment-key": "",
  annotations: "true",
  "pull-request": "",
  base: "auto",
  pypi: "false",
};

export type InputResult = { ok: true; inputs: Inputs } | { ok: false; errors: string[] };

/** Reads every input through `get` (undefined = not set) and validates it. Never throws. */
export function parseInputs(get: (name: string) => string | undefined): InputResult {
  const raw: Record<string, string> = {};
  for (const name of INPUT_NAMES) {
    const v = get(name);
    if (v !== undefined) raw[name] = v.trim();
  }
  const r = inputsSchema.safeParse(raw);
  if (r.success) return { ok: true, inputs: r.data };
  return {
    ok: false,
    errors: r.error.issues.map((i) => `input \`${i.path.join(".")}\` ${i.message}`),
  };
}
