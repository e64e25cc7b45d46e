import { Statement, asList } from "./aws-fixtures";

/** One S3 request as the bucket policy sees it: the action it is authorised as, and its condition keys. */
export interface S3Request {
    action: string;
    /** Condition keys the request carries (absent keys are simply missing). */
    keys: Record<string, string>;
}

/**
 * Whether one condition operator holds, per the IAM user guide ("IAM JSON policy elements: Condition
 * operators"): a missing key makes `StringNotEquals` false and `StringNotEqualsIfExists` true; `Null`
 * with "false" holds when the key is present. Only the operators the archive policy uses are modelled;
 * any other one throws, so the test cannot pass by accident.
 */
function operatorHolds(operator: string, conditions: Record<string, unknown>, keys: Record<string, string>): boolean {
    return Object.entries(conditions).every(([key, expected]) => {
        const values = asList(expected as string | string[]).map(String);
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
export function denyingStatements(policy: Statement[], request: S3Request): string[] {
    return policy
        .filter((s) => s.Effect === "Deny" && asList(s.Action).some((a) => a === "s3:*" || a === request.action))
        .filter((s) => Object.entries(s.Condition ?? {}).every(([op, conditions]) => operatorHolds(op, conditions, request.keys)))
        .map((s) => s.Sid ?? "(no Sid)");
}
