import * as pulumi from "@pulumi/pulumi";
import { loadStackConfig } from "./config";
import { deployStack } from "./program";

// Read and validate every setting first: a bad value stops the run before any resource is registered.
const config = loadStackConfig(pulumi.runtime.allConfig(), { project: pulumi.getProject(), stack: pulumi.getStack() });

for (const warning of config.warnings) pulumi.log.warn(warning);

export = deployStack(config);
