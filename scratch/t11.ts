import * as jsyaml from "js-yaml";
import { KUBECTL_YAML_SCHEMA } from "../policy/engine/yaml11";
const t = `a: 0644\nb: yes\nc: on\nd: 0o644\ne: 1_000\nf: 0x1F\ng: ~\nh: 1:20\ni: 08\nj: 1e3\nk: .5\nl: 2001-12-14\nm: "0644"\nn: -0b11\no: +12\np: .inf\nq: 1.\nr: 0b101\ns: n\nbase: &b {x: 1}\nmerged:\n  <<: *b\n  y: 2\nt: !!str 12\nu: !!int "12"\nv: Yes please\n`;
console.log(JSON.stringify(jsyaml.load(t, { schema: KUBECTL_YAML_SCHEMA })));
