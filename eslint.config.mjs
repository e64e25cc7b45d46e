// ESLint flat config: typescript-eslint's type-aware recommended rules over every TypeScript file the project
// compiles (program, components, config, plan, policy, scripts, bench and the tests), plus a line limit.
// Prettier formats (printWidth 140); ESLint only checks what a formatter cannot decide.
import js from "@eslint/js";
import stylistic from "@stylistic/eslint-plugin";
import tseslint from "typescript-eslint";

export default tseslint.config(
    { ignores: ["node_modules/", "out/", "bin/", "policy/bin/", "dist/"] },
    js.configs.recommended,
    ...tseslint.configs.recommendedTypeChecked,
    {
        files: ["**/*.ts"],
        languageOptions: {
            parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
        },
        plugins: { "@stylistic": stylistic },
        rules: {
            // Prettier wraps code at 140 columns but cannot wrap a comment, a string or a template literal. Comments
            // are held to the same 140 (they can always be wrapped by hand). User-facing strings (error messages,
            // policy descriptions and remediations) and the tests' expected copies of them are exempt, as in the Linux
            // kernel's coding style ("never break user-visible strings ... because that breaks the ability to grep
            // for them"): a message split over several literals can no longer be found from the text a user pastes.
            // URLs are exempt too (a split URL cannot be opened).
            "@stylistic/max-len": [
                "error",
                { code: 140, tabWidth: 4, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true },
            ],
            // `any` is banned in tests too: use the SDK's output types or kubernetes-models interfaces.
            "@typescript-eslint/no-explicit-any": "error",
            // `_name` marks a parameter that a callback signature requires but the body does not use.
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
        },
    },
    {
        files: ["**/*.mjs", "**/*.cjs"],
        ...tseslint.configs.disableTypeChecked,
    },
    {
        // scripts/register.cjs and ts-node-transpiler.cjs: loaded before any TypeScript can be, so they are CommonJS.
        files: ["**/*.cjs"],
        languageOptions: { sourceType: "commonjs", globals: { __dirname: "readonly", process: "readonly" } },
        rules: { "@typescript-eslint/no-require-imports": "off" },
    },
);
