/**
 * Writes what is generated from the settings' one declaration (config/stack-schema.ts): the `config:` block of
 * Pulumi.yaml, the README's configuration table and schema/stack-config.schema.json (config/artefacts.ts).
 * Usage: npm run generate:config
 */
import * as fs from "fs";
import * as path from "path";
import { GENERATED_FILES, stackFileJsonSchema, withPulumiConfigBlock, withReadmeTable } from "../config/artefacts";

const projectDir = path.resolve(__dirname, "..");

function update(file: string, next: (current: string) => string): void {
    const target = path.join(projectDir, file);
    const current = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : "";
    const generated = next(current);
    if (generated === current) {
        console.log(`${file}: current`);
        return;
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, generated);
    console.log(`${file}: written`);
}

update(GENERATED_FILES.projectFile, withPulumiConfigBlock);
update(GENERATED_FILES.readme, withReadmeTable);
update(GENERATED_FILES.jsonSchema, () => stackFileJsonSchema());
