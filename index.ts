import * as pulumi from "@pulumi/pulumi";
import { loadStackConfig } from "./config";
import { deployStack } from "./program";
import { probeTool } from "./config/prerequisites";

// Read and validate every setting first: a bad value stops the run before any resource is registered.
// The tools this machine needs (the AWS CLI; kubelogin, the Azure CLI) are checked here too: the engine is running, not the offline plan.
const config = loadStackConfig(
    pulumi.runtime.allConfig(),
    { project: pulumi.getProject(), stack: pulumi.getStack() },
    { prerequisites: probeTool },
);

// pulumi.log.warn resolves once the engine has the message; the program does not wait for it.
for (const warning of config.warnings) void pulumi.log.warn(warning);

export = deployStack(config);
