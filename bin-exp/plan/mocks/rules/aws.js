"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AWS_INPUT_RULES = exports.MOCK_CALLER = exports.AWS_NAME_RULES = void 0;
exports.awsInputProblem = awsInputProblem;
/**
 * The physical-name rules of the AWS resources this program creates, one row per type, from the service
 * API references (the limits the provider passes through) and the provider's own schema.
 */
exports.AWS_NAME_RULES = {
    "aws:iam/role:Role": {
        property: "name",
        prefixProperty: "namePrefix",
        autonamed: true,
        maxLength: 64,
        pattern: /^[\w+=,.@-]+$/,
        allowed: "[\\w+=,.@-]+",
        source: "IAM API CreateRole: RoleName 1-64",
    },
    "aws:iam/policy:Policy": {
        property: "name",
        prefixProperty: "namePrefix",
        autonamed: true,
        maxLength: 128,
        pattern: /^[\w+=,.@-]+$/,
        source: "IAM API CreatePolicy: PolicyName 1-128",
    },
    "aws:iam/rolePolicy:RolePolicy": {
        property: "name",
        prefixProperty: "namePrefix",
        autonamed: true,
        maxLength: 128,
        pattern: /^[\w+=,.@-]+$/,
        source: "IAM API PutRolePolicy: PolicyName 1-128",
    },
    "eks:index:Cluster": {
        property: "name",
        autonamed: true,
        maxLength: 100,
        pattern: /^[0-9A-Za-z][A-Za-z0-9_-]*$/,
        allowed: "^[0-9A-Za-z][A-Za-z0-9-_]*$",
        source: "EKS API CreateCluster: name 1-100",
    },
    "aws:eks/nodeGroup:NodeGroup": {
        property: "nodeGroupName",
        prefixProperty: "nodeGroupNamePrefix",
        autonamed: true,
        maxLength: 63,
        pattern: /^[0-9A-Za-z][A-Za-z0-9_-]*$/,
        source: "EKS API CreateNodegroup: nodegroupName 1-63",
    },
    "aws:s3/bucket:Bucket": {
        property: "bucket",
        prefixProperty: "bucketPrefix",
        autonamed: true,
        minLength: 3,
        maxLength: 63,
        pattern: /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/,
        allowed: "lowercase letters, digits, '.' and '-'",
        source: "S3 bucket naming rules; @pulumi/aws s3.Bucket bucketPrefix: at most 37 characters",
    },
    "aws:kms/alias:Alias": {
        property: "name",
        prefixProperty: "namePrefix",
        autonamed: false,
        maxLength: 256,
        pattern: /^alias\/(?!aws\/)[a-zA-Z0-9/_-]+$/,
        allowed: "alias/ followed by letters, digits, '/', '_' and '-' (not alias/aws/)",
        source: "KMS API CreateAlias: AliasName 1-256",
    },
    "aws:cloudwatch/logGroup:LogGroup": {
        property: "name",
        prefixProperty: "namePrefix",
        autonamed: true,
        maxLength: 512,
        pattern: /^[.\-_/#A-Za-z0-9]+$/,
        source: "CloudWatch Logs API CreateLogGroup: logGroupName 1-512",
    },
    "aws:rds/instance:Instance": {
        property: "identifier",
        prefixProperty: "identifierPrefix",
        autonamed: true,
        maxLength: 63,
        pattern: /^[a-z](?!.*--)[a-z0-9-]*[a-z0-9]$/,
        allowed: "a letter, then letters, digits and single hyphens, not ending in a hyphen",
        source: "RDS API CreateDBInstance: DBInstanceIdentifier 1-63",
    },
    "aws:rds/subnetGroup:SubnetGroup": {
        property: "name",
        prefixProperty: "namePrefix",
        autonamed: true,
        maxLength: 255,
        pattern: /^[a-z0-9 ._-]+$/,
        source: "RDS API CreateDBSubnetGroup: DBSubnetGroupName 1-255, lowercase",
    },
    "aws:rds/parameterGroup:ParameterGroup": {
        property: "name",
        prefixProperty: "namePrefix",
        autonamed: true,
        maxLength: 255,
        pattern: /^[a-z](?!.*--)[a-z0-9-]*[a-z0-9]$/,
        source: "RDS API CreateDBParameterGroup: DBParameterGroupName 1-255",
    },
    "aws:ec2/launchTemplate:LaunchTemplate": {
        property: "name",
        prefixProperty: "namePrefix",
        autonamed: true,
        minLength: 3,
        maxLength: 128,
        pattern: /^[a-zA-Z0-9().\-/_]+$/,
        source: "EC2 API CreateLaunchTemplate: LaunchTemplateName 3-128",
    },
    "aws:ec2/securityGroup:SecurityGroup": {
        property: "name",
        prefixProperty: "namePrefix",
        autonamed: true,
        maxLength: 255,
        source: "EC2 API CreateSecurityGroup: GroupName up to 255",
    },
    "aws:efs/fileSystem:FileSystem": {
        property: "creationToken",
        autonamed: false,
        maxLength: 64,
        source: "EFS API CreateFileSystem: CreationToken 1-64",
    },
    "aws:sns/topic:Topic": {
        property: "name",
        prefixProperty: "namePrefix",
        autonamed: true,
        maxLength: 256,
        pattern: /^[A-Za-z0-9_-]+$/,
        allowed: "letters, digits, '-' and '_'",
        source: "SNS API CreateTopic: Name 1-256, alphanumerics, hyphens and underscores",
    },
    "aws:cloudwatch/logMetricFilter:LogMetricFilter": {
        property: "name",
        autonamed: true,
        maxLength: 512,
        pattern: /^[^:*]+$/,
        allowed: "no ':' or '*'",
        source: "CloudWatch Logs API PutMetricFilter: filterName 1-512, pattern [^:*]*",
    },
    "aws:cloudwatch/metricAlarm:MetricAlarm": {
        property: "name",
        autonamed: true,
        maxLength: 255,
        source: "CloudWatch API PutMetricAlarm: AlarmName 1-255",
    },
    "aws:cloudwatch/eventRule:EventRule": {
        property: "name",
        prefixProperty: "namePrefix",
        autonamed: true,
        maxLength: 64,
        pattern: /^[.\-_A-Za-z0-9]+$/,
        source: "EventBridge API PutRule: Name 1-64, [\\.\\-_A-Za-z0-9]+",
    },
};
/** The identity the offline plan runs as: the deployer role the example stacks and tests name. */
const MOCK_DEPLOYER_ROLE = "xroad-deployer";
/** The caller of the mocked AWS provider, as sts:GetCallerIdentity reports it and as KMS sees it. */
exports.MOCK_CALLER = {
    accountId: "123456789012",
    sessionArn: `arn:aws:sts::123456789012:assumed-role/${MOCK_DEPLOYER_ROLE}/pulumi`,
    principalArn: `arn:aws:iam::123456789012:role/${MOCK_DEPLOYER_ROLE}`,
};
/** Whether a key policy lets the caller call PutKeyPolicy again: named, or through the account root without a condition. */
function allowsCallerToAdminister(policy) {
    if (typeof policy !== "string")
        return true; // unknown during a preview: the provider cannot judge it either
    let statements;
    try {
        const parsed = JSON.parse(policy);
        statements = Array.isArray(parsed.Statement) ? parsed.Statement : parsed.Statement ? [parsed.Statement] : [];
    }
    catch {
        return false;
    }
    const root = `arn:aws:iam::${exports.MOCK_CALLER.accountId}:root`;
    return statements.some((s) => {
        if (s.Effect !== "Allow" || typeof s.Principal !== "object")
            return false;
        const principals = [].concat(s.Principal.AWS ?? []);
        const actions = [].concat(s.Action ?? []);
        const mayPut = actions.some((a) => a === "kms:*" || a === "kms:PutKeyPolicy" || a === "kms:Put*");
        const names = principals.includes(exports.MOCK_CALLER.principalArn) || (principals.includes(root) && s.Condition === undefined);
        return mayPut && names;
    });
}
const longerThan = (max) => (value) => typeof value === "string" && value.length > max ? `is ${value.length} characters, more than ${max}` : undefined;
/** Input rules of the AWS resources this program creates that go beyond names. */
/** The period of an alarm: its own, or that of its metric queries. */
function alarmPeriod(inputs) {
    if (typeof inputs.period === "number")
        return inputs.period;
    const queries = Array.isArray(inputs.metricQueries) ? inputs.metricQueries : [];
    const periods = queries.map((q) => q.metric?.period).filter((p) => typeof p === "number");
    return periods.length > 0 ? Math.max(...periods) : undefined;
}
exports.AWS_INPUT_RULES = [
    {
        type: "pulumi:providers:aws",
        property: "allowedAccountIds",
        problem: (value) => {
            const list = typeof value === "string" ? JSON.parse(value) : value;
            return list === undefined || list.includes(exports.MOCK_CALLER.accountId)
                ? undefined
                : `AWS account ID not allowed: ${exports.MOCK_CALLER.accountId}`;
        },
        source: "terraform-provider-aws internal/conns/config.go: allowed_account_ids refuses credentials of any other account",
    },
    {
        type: "aws:kms/key:Key",
        property: "policy",
        problem: (value) => allowsCallerToAdminister(value)
            ? undefined
            : "MalformedPolicyDocumentException: The new key policy will not allow you to update the key policy in the future.",
        source: "KMS API CreateKey/PutKeyPolicy: the policy must allow the calling principal a subsequent PutKeyPolicy (lockout safety check)",
    },
    {
        type: "aws:cloudwatch/logMetricFilter:LogMetricFilter",
        property: "pattern",
        problem: longerThan(1024),
        source: "CloudWatch Logs API PutMetricFilter: filterPattern 0-1024",
    },
    {
        type: "aws:cloudwatch/metricAlarm:MetricAlarm",
        property: "alarmDescription",
        problem: longerThan(1024),
        source: "CloudWatch API PutMetricAlarm: AlarmDescription 0-1024",
    },
    {
        type: "aws:cloudwatch/metricAlarm:MetricAlarm",
        property: "period",
        problem: (value, inputs) => inputs.metricQueries === undefined &&
            (typeof value !== "number" || !(value === 10 || value === 20 || value === 30 || value % 60 === 0))
            ? "must be 10, 20, 30 or a multiple of 60 seconds"
            : undefined,
        source: "CloudWatch API PutMetricAlarm: Period 10, 20, 30 or a multiple of 60",
    },
    {
        type: "aws:cloudwatch/metricAlarm:MetricAlarm",
        property: "evaluationPeriods",
        problem: (value, inputs) => {
            const period = alarmPeriod(inputs);
            return typeof value === "number" && period !== undefined && value * period > 86400
                ? `times the period (${period} s) is ${value * period} s, more than one day`
                : undefined;
        },
        source: "CloudWatch API PutMetricAlarm: EvaluationPeriods times Period must not exceed 86,400 seconds (one day)",
    },
    {
        type: "aws:cloudwatch/metricAlarm:MetricAlarm",
        property: "datapointsToAlarm",
        problem: (value, inputs) => typeof value === "number" && typeof inputs.evaluationPeriods === "number" && value > inputs.evaluationPeriods
            ? `(${value}) is more than evaluationPeriods (${inputs.evaluationPeriods})`
            : undefined,
        source: "CloudWatch API PutMetricAlarm: DatapointsToAlarm at most EvaluationPeriods",
    },
];
/** Why the AWS provider would refuse a resource's inputs, or undefined. */
function awsInputProblem(type, name, inputs) {
    for (const rule of exports.AWS_INPUT_RULES) {
        if (rule.type !== type || !(rule.property in inputs))
            continue;
        const problem = rule.problem(inputs[rule.property], inputs);
        if (problem)
            return `${type} ${name}: ${rule.property} ${problem} (${rule.source})`;
    }
    return undefined;
}
