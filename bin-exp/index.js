"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
const pulumi = __importStar(require("@pulumi/pulumi"));
const config_1 = require("./config");
const program_1 = require("./program");
const prerequisites_1 = require("./config/prerequisites");
// Read and validate every setting first: a bad value stops the run before any resource is registered.
// The tools this machine needs (the AWS CLI; kubelogin, the Azure CLI) are checked here too: the engine is running, not the offline plan.
const config = (0, config_1.loadStackConfig)(pulumi.runtime.allConfig(), { project: pulumi.getProject(), stack: pulumi.getStack() }, { prerequisites: prerequisites_1.probeTool });
// pulumi.log.warn resolves once the engine has the message; the program does not wait for it.
for (const warning of config.warnings)
    void pulumi.log.warn(warning);
module.exports = (0, program_1.deployStack)(config);
