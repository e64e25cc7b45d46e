"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.denyingStatements = denyingStatements;
const aws_fixtures_1 = require("./aws-fixtures");
/**
 * Whether one condition operator holds, per the IAM user guide ("IAM JSON policy elements: Condition
 * operators"): a missing key makes `StringNotEquals` false and `StringNotEqualsIfExists` true; `Null`
 * with "false" holds when the key is present. Only the operators the archive policy uses are modelled;
 * any other one throws, so the test cannot pass by accident.
 */
function operatorHolds(operator, conditions, keys) {
    return Object.entries(conditions).every(([key, expected]) => {
        const values = (0, aws_fixtures_1.asList)(expected).map(String);
        const actual = keys[key];
        switch (operator) {
            case "Null":
                return values.includes(String(actual === undefined));
            case "StringEquals":
                return actual !== undefined && values.includes(actual);
            case "StringNotEquals":
                return actual !== undefined && !values.includes(actual);
            case "StringNotEqualsIfExists":
                return actual === undefined || !values.includes(actual);
            case "Bool":
                return actual !== undefined && values.includes(actual);
            case "NumericLessThan":
                return actual !== undefined && values.some((v) => Number(actual) < Number(v));
            default:
                throw new Error(`condition operator ${operator} is not modelled`);
        }
    });
}
/** The Sids of the Deny statements that refuse the request: every operator of a statement's condition must hold. */
function denyingStatements(policy, request) {
    return policy
        .filter((s) => s.Effect === "Deny" && (0, aws_fixtures_1.asList)(s.Action).some((a) => a === "s3:*" || a === request.action))
        .filter((s) => Object.entries(s.Condition ?? {}).every(([op, conditions]) => operatorHolds(op, conditions, request.keys)))
        .map((s) => s.Sid ?? "(no Sid)");
}
