import * as assert from "node:assert/strict";
import { groupBy } from "./group-by";

describe("kubernetes-model: groupBy", () => {
    it("groups by key in first-seen key order, each group in input order, undefined a key like any other", () => {
        const items = [
            { name: "a", namespace: "x" },
            { name: "b", namespace: undefined },
            { name: "c", namespace: "y" },
            { name: "d", namespace: "x" },
        ];
        const groups = groupBy(items, (item) => item.namespace);
        assert.deepEqual([...groups.keys()], ["x", undefined, "y"]);
        assert.deepEqual(
            groups.get("x")?.map((item) => item.name),
            ["a", "d"],
        );
        assert.deepEqual(
            groups.get(undefined)?.map((item) => item.name),
            ["b"],
        );
        assert.equal(groupBy([], (item: string) => item).size, 0);
    });
});
