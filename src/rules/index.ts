/** The one catalog of rules. Order here is only the order checks run; findings are sorted later. */
import builderConfigConflict from "./builder-config-conflict.js";
import ciPythonMismatch from "./ci-python-mismatch.js";
import committedSecret from "./committed-secret.js";
import configAsCodeDeprecated from "./config-as-code-deprecated.js";
import type { RuleContext } from "./context.js";
import type { Rule } from "./define-rule.js";
import dockerfileCopyMissing from "./dockerfile-copy-missing.js";
import envDocumentedUnused from "./env-documented-unused.js";
import envOptionalInRailway from "./env-optional-in-railway.js";
import envRequiredUndocumented from "./env-required-undocumented.js";
import envUndeclared from "./env-undeclared.js";
import installMissingFile from "./install-missing-file.js";
import invalidConfigSyntax from "./invalid-config-syntax.js";
import lockfileExtraPackage from "./lockfile-extra-package.js";
import lockfileExtrasMismatch from "./lockfile-extras-mismatch.js";
import lockfileMissingPackage from "./lockfile-missing-package.js";
import lockfileVersionMismatch from "./lockfile-version-mismatch.js";
import nixpacksBuildBreaks from "./nixpacks-build-breaks.js";
import nixpacksDeprecated from "./nixpacks-deprecated.js";
import nixpacksListReplaced from "./nixpacks-list-replaced.js";
import nixpacksPlanOverridesFile from "./nixpacks-plan-overrides-file.js";
import nixpacksPythonMissing from "./nixpacks-python-missing.js";
import nixpacksUnknownKey from "./nixpacks-unknown-key.js";
import pinNoWheel from "./pin-no-wheel.js";
import pinPythonIncompatible from "./pin-python-incompatible.js";
import pinRequiresPython from "./pin-requires-python.js";
import pypiUnavailable from "./pypi-unavailable.js";
import pyprojectLockStale from "./pyproject-lock-stale.js";
import pythonEndOfLife from "./python-end-of-life.js";
import pythonProviderNotUsed from "./python-provider-not-used.js";
import pythonVersionFloating from "./python-version-floating.js";
import pythonVersionMismatch from "./python-version-mismatch.js";
import pythonVersionUnpinned from "./python-version-unpinned.js";
import pythonVersionUnreadable from "./python-version-unreadable.js";
import railpackInstallContext from "./railpack-install-context.js";
import railpackInstallsNothing from "./railpack-installs-nothing.js";
import railpackUnknownKey from "./railpack-unknown-key.js";
import railwayConfigConflict from "./railway-config-conflict.js";
import railwayInvalidValue from "./railway-invalid-value.js";
import railwayPathMissing from "./railway-path-missing.js";
import railwayTsTemplateReference from "./railway-ts-template-reference.js";
import railwayUnknownKey from "./railway-unknown-key.js";
import requirementNotPinned from "./requirement-not-pinned.js";
import requirementsDuplicate from "./requirements-duplicate.js";
import requiresPythonUnsatisfied from "./requires-python-unsatisfied.js";
import startCommandAppNotFound from "./start-command-app-not-found.js";
import startCommandHost from "./start-command-host.js";
import startCommandInterpreter from "./start-command-interpreter.js";
import startCommandMissing from "./start-command-missing.js";
import startCommandOverridden from "./start-command-overridden.js";
import startCommandPort from "./start-command-port.js";
import startCommandReload from "./start-command-reload.js";
import startCommandServerNotInstalled from "./start-command-server-not-installed.js";
import startCommandSyntax from "./start-command-syntax.js";
import systemLibraryMissing from "./system-library-missing.js";
import unreadableFile from "./unreadable-file.js";
import venvPathMismatch from "./venv-path-mismatch.js";

export const RULES: ReadonlyArray<Rule<RuleContext>> = [
  invalidConfigSyntax,
  unreadableFile,
  pythonVersionMismatch,
  pythonVersionUnreadable,
  pythonEndOfLife,
  pythonProviderNotUsed,
  pythonVersionFloating,
  pythonVersionUnpinned,
  requiresPythonUnsatisfied,
  pinPythonIncompatible,
  ciPythonMismatch,
  systemLibraryMissing,
  dockerfileCopyMissing,
  // Need the opt-in PyPI look-ups (`pypi = true`); silent offline.
  pinRequiresPython,
  pinNoWheel,
  pypiUnavailable,
  startCommandMissing,
  startCommandOverridden,
  startCommandSyntax,
  startCommandAppNotFound,
  startCommandHost,
  startCommandPort,
  startCommandServerNotInstalled,
  startCommandInterpreter,
  startCommandReload,
  lockfileMissingPackage,
  lockfileExtraPackage,
  lockfileVersionMismatch,
  lockfileExtrasMismatch,
  pyprojectLockStale,
  requirementsDuplicate,
  requirementNotPinned,
  nixpacksUnknownKey,
  railpackUnknownKey,
  railpackInstallContext,
  railpackInstallsNothing,
  nixpacksListReplaced,
  nixpacksPlanOverridesFile,
  nixpacksPythonMissing,
  nixpacksBuildBreaks,
  installMissingFile,
  venvPathMismatch,
  railwayUnknownKey,
  railwayInvalidValue,
  railwayPathMissing,
  railwayConfigConflict,
  railwayTsTemplateReference,
  builderConfigConflict,
  configAsCodeDeprecated,
  nixpacksDeprecated,
  envRequiredUndocumented,
  envDocumentedUnused,
  envUndeclared,
  envOptionalInRailway,
  committedSecret,
];

/** Rules that live outside the per-service catalog (configuration and suppression handling). */
export const ENGINE_RULES = [
  {
    id: "invalid-deploy-drift-config",
    defaultSeverity: "error",
    summary: "deploy-drift's own configuration is invalid",
  },
  {
    id: "suppression-expired",
    defaultSeverity: "warning",
    summary: "An `ignore` entry's `until` date has passed",
  },
  // Discovery (analyze.ts deriveServices): what is and is not a deployment.
  {
    id: "folder-not-deployed",
    defaultSeverity: "notice",
    summary: "A folder with Python deployment files that no deployment builds is not analysed",
  },
  {
    id: "railway-service-unmapped",
    defaultSeverity: "notice",
    summary: "A railway.ts / railway.py service whose folder cannot be known is not analysed",
  },
  {
    id: "no-service-found",
    defaultSeverity: "warning",
    summary: "No deployable Python service was found, so nothing was checked",
  },
  {
    id: "rule-crashed",
    defaultSeverity: "error",
    summary: "A rule failed on this repository (a deploy-drift bug)",
  },
  // Base-vs-head rules (src/changes/): they need a base revision (`--base REF`, a pull request).
  {
    id: "dependency-changed",
    defaultSeverity: "warning",
    summary:
      "A dependency was added, removed, upgraded, downgraded or changed (severity from `dependency-changes`)",
  },
  {
    id: "lock-not-updated",
    defaultSeverity: "error",
    summary: "A requirements file or pyproject dependency list changed but its lock file did not",
  },
  {
    id: "lock-changed-inconsistently",
    defaultSeverity: "error",
    summary: "A dependency and its lock both changed, but the lock does not match the new requirement",
  },
  {
    id: "python-version-partially-changed",
    defaultSeverity: "error",
    summary: "The Python version changed in some files that state it but not in the others",
  },
  {
    id: "protected-path-changed",
    defaultSeverity: "error",
    summary: "A file matching `protected-paths` changed (a notice when the override label is applied)",
  },
  {
    id: "railway-migration-incomplete",
    defaultSeverity: "warning",
    summary:
      "A change replaces railway.json/railway.toml with railway.ts/railway.py but drops some of its settings",
  },
  {
    id: "iac-not-applied",
    defaultSeverity: "warning",
    summary: "A change to railway.ts / railway.py settings that no workflow applies on merge",
  },
] as const;
