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
Object.defineProperty(exports, "__esModule", { value: true });
const assert = __importStar(require("node:assert/strict"));
const config_1 = require("../../config");
const fixtures_1 = require("./fixtures");
const real = {
    ...(0, fixtures_1.prodAzure)(),
    authorizedIpRanges: ["81.22.160.0/24"],
    adminGroupObjectIds: ["7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"],
    namespaceOperatorGroupObjectIds: ["1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6"],
};
/**
 * A PATH with the given tools: kubelogin prints a version, az prints its JSON version and the state of the
 * EncryptionAtHost feature (Registered unless told).
 */
function machine(tools) {
    const calls = [];
    const probe = (command, args) => {
        calls.push(command);
        if (command === "kubelogin")
            return tools.kubelogin ? "kubelogin version\ngit hash: v0.2.10" : undefined;
        if (command === "az" && tools.az && args[0] === "feature")
            return `${tools.encryptionAtHost ?? "Registered"}\n`;
        if (command === "az")
            return tools.az ? JSON.stringify({ "azure-cli": tools.az, extensions: {} }) : undefined;
        return undefined;
    };
    return { probe, calls };
}
function issues(probe, offline = false, azure = real) {
    try {
        (0, config_1.loadStackConfig)((0, fixtures_1.rawConfig)(azure), fixtures_1.names, { prerequisites: probe, offline });
        return [];
    }
    catch (e) {
        if (!(e instanceof config_1.ConfigValidationError))
            throw e;
        return e.issues.map((i) => `${i.key}: ${i.allowed}`);
    }
}
describe("azure prerequisites on the machine running pulumi up (issue 12 point 5)", () => {
    it("accepts kubelogin and a recent Azure CLI", () => {
        assert.deepEqual(issues(machine({ kubelogin: true, az: "2.79.0" }).probe), []);
    });
    it("refuses a missing kubelogin and a missing or old Azure CLI before any resource, naming the fix", () => {
        assert.deepEqual(issues(machine({}).probe), [
            "(prerequisite) kubelogin: kubelogin on the PATH: AKS local accounts are disabled, so the program's kubeconfig runs kubelogin (install: az aks install-cli)",
            "(prerequisite) az: the Azure CLI 2.39.0 or newer on the PATH, signed in (az login): kubeloginMode azurecli uses it",
        ]);
        assert.deepEqual(issues(machine({ kubelogin: true, az: "2.38.9" }).probe), [
            "(prerequisite) az: the Azure CLI 2.39.0 or newer (found 2.38.9): az upgrade",
        ]);
    });
    it("refuses encryption at host in a subscription without the EncryptionAtHost feature (azure.md B12)", () => {
        assert.deepEqual(issues(machine({ kubelogin: true, az: "2.79.0", encryptionAtHost: "NotRegistered" }).probe), [
            "(prerequisite) Microsoft.Compute/EncryptionAtHost: the subscription feature registered for azure.encryptionAtHost (state: NotRegistered): az feature register --namespace Microsoft.Compute --name EncryptionAtHost, wait for Registered, then az provider register -n Microsoft.Compute",
        ]);
        assert.deepEqual(issues(machine({ kubelogin: true, az: "2.79.0", encryptionAtHost: "NotRegistered" }).probe, false, {
            ...real,
            encryptionAtHost: false,
        }), []);
    });
    it("does not need the Azure CLI for other kubelogin modes, and runs nothing offline", () => {
        assert.deepEqual(issues(machine({ kubelogin: true }).probe, false, { ...real, kubeloginMode: "workloadidentity" }), []);
        const offline = machine({});
        assert.deepEqual(issues(offline.probe, true), []);
        assert.deepEqual(offline.calls, []);
    });
});
