/**
 * The SDK's option keys (railway@3.11.0 `dist/iac/index.js`, railway-iac.md §2.4–§2.6); the Python SDK
 * `railway_sdk` accepts the same names as keywords. Both front ends warn on a key outside these tables.
 */

/** `IntentServiceConfig` keys of railway@3.11.0 (identical since 3.1.1; §2.4). */
export const SERVICE_KEYS = new Set([
  "source",
  "root",
  "rootDirectory",
  "build",
  "deploy",
  "run",
  "start",
  "startCommand",
  "preDeploy",
  "preDeployCommand",
  "healthcheck",
  "healthcheckPath",
  "healthcheckTimeout",
  "replicas",
  "regions",
  "networking",
  "domains",
  "tcp",
  "tcpProxies",
  "env",
  "variables",
  "volumeMounts",
  "configFile",
  "parentServiceId",
  "groupId",
  "clusterRole",
  "replicaConfig",
  "clusterDisplay",
]);

/** `BuildConfig` (§2.5). */
export const BUILD_KEYS = new Set([
  "builder",
  "watchPatterns",
  "buildCommand",
  "buildEnvironment",
  "dockerfilePath",
  "nixpacksConfigPath",
  "nixpacksPlan",
  "nixpacksVersion",
  "railpackVersion",
]);

/** `DeployConfig` (§2.6). */
export const DEPLOY_KEYS = new Set([
  "startCommand",
  "preDeployCommand",
  "numReplicas",
  "healthcheckPath",
  "healthcheckTimeout",
  "sleepApplication",
  "runtime",
  "registryCredentials",
  "restartPolicyType",
  "restartPolicyMaxRetries",
  "cronSchedule",
  "region",
  "multiRegionConfig",
  "limitOverride",
  "requiredMountPath",
  "overlapSeconds",
  "drainingSeconds",
  "useLegacyStacker",
  "ipv6EgressEnabled",
]);

export const RUN_KEYS = new Set(["command", "preDeploy", "healthcheck", "healthcheckTimeout"]);
