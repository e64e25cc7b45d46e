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
exports.policyDocument = policyDocument;
exports.managedPolicyArn = managedPolicyArn;
exports.irsaTrustPolicy = irsaTrustPolicy;
const pulumi = __importStar(require("@pulumi/pulumi"));
/**
 * A policy document as JSON text. Every policy of the AWS platform goes through here, so the tests
 * can parse each one and assert its actions, resources and conditions.
 */
function policyDocument(statements) {
    return pulumi.jsonStringify({ Version: "2012-10-17", Statement: statements });
}
/** An AWS managed policy, in the partition the stack runs in. */
function managedPolicyArn(partition, name) {
    return pulumi.interpolate `arn:${partition}:iam::aws:policy/${name}`;
}
/** `system:serviceaccount:<namespace>:<name>`: the subject of a ServiceAccount's projected token. */
function serviceAccountSubject(namespace, serviceAccount) {
    return `system:serviceaccount:${namespace}:${serviceAccount}`;
}
/** The audience EKS puts in tokens it projects for IRSA. */
const STS_AUDIENCE = "sts.amazonaws.com";
/**
 * Trust policy of an IRSA role: only the cluster's OIDC provider, only tokens for the named
 * ServiceAccounts, only with the STS audience. StringEquals, not StringLike, so no wildcard subject
 * can slip in; a driver with a controller and a node ServiceAccount lists both.
 */
function irsaTrustPolicy(oidcProviderArn, oidcIssuer, namespace, serviceAccount) {
    const subjects = (typeof serviceAccount === "string" ? [serviceAccount] : [...serviceAccount]).map((sa) => serviceAccountSubject(namespace, sa));
    const issuer = pulumi.output(oidcIssuer).apply((i) => i.replace(/^https:\/\//, ""));
    return policyDocument([
        {
            Sid: "AssumeFromOneServiceAccount",
            Effect: "Allow",
            Principal: { Federated: oidcProviderArn },
            Action: "sts:AssumeRoleWithWebIdentity",
            Condition: issuer.apply((i) => ({
                StringEquals: {
                    [`${i}:sub`]: subjects.length === 1 ? subjects[0] : subjects,
                    [`${i}:aud`]: STS_AUDIENCE,
                },
            })),
        },
    ]);
}
