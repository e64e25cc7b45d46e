import * as assert from "node:assert/strict";
import { documentationCidr, placeholderAwsAccount, placeholderGuid } from "../../config/placeholders";

describe("placeholder detection (config/placeholders.ts, shared by every cloud)", () => {
    it("flags CIDRs and addresses that overlap the RFC 5737 documentation ranges", () => {
        for (const v of ["192.0.2.0/24", "198.51.100.16/28", "203.0.113.7", "203.0.0.0/16"]) assert.ok(documentationCidr(v), v);
        for (const v of ["10.0.0.0/8", "81.22.160.0/24", "192.0.3.0/24", "198.51.101.0/24"])
            assert.equal(documentationCidr(v), undefined, v);
    });

    it("flags the nil GUID and example GUIDs that are almost all zeros, not random ones", () => {
        assert.equal(placeholderGuid("00000000-0000-0000-0000-000000000000"), "the nil GUID");
        assert.ok(placeholderGuid("00000000-0000-4000-8000-0000000000aa"));
        assert.equal(placeholderGuid("3f2b6c1e-8a4d-4e7b-9c2a-5d1e0f7a6b34"), undefined);
    });

    it("flags the AWS documentation's example account", () => {
        assert.ok(placeholderAwsAccount("123456789012"));
        assert.equal(placeholderAwsAccount("210987654321"), undefined);
    });
});
