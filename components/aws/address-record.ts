import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

export interface AddressRecordArgs {
    hostedZoneId: string;
    /** The name registered in X-Road for this Security Server. */
    recordName: string;
    /** The load balancer's DNS name, from the Service's status. */
    loadBalancerHostname: pulumi.Input<string>;
}

/** TTL of the record: short, so a re-created load balancer is picked up within minutes. */
const ADDRESS_RECORD_TTL = 60;

/**
 * The stable address of a Security Server: X-Road's global configuration holds one address per
 * Security Server, so it must outlive a re-created Service (and its new NLB name). Registering this
 * name instead of the NLB's keeps the registration valid.
 */
export class AddressRecord extends pulumi.ComponentResource {
    readonly fqdn: pulumi.Output<string>;

    constructor(name: string, args: AddressRecordArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:aws:AddressRecord", name, {}, opts);
        const record = new aws.route53.Record(
            name,
            {
                zoneId: args.hostedZoneId,
                name: args.recordName,
                type: "CNAME",
                ttl: ADDRESS_RECORD_TTL,
                records: [args.loadBalancerHostname],
            },
            { parent: this },
        );
        this.fqdn = record.fqdn;
        this.registerOutputs({ fqdn: this.fqdn });
    }
}
