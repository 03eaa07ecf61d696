// Filled by the store work: prepares one PGlite template data dir per test run.
export default async function setup(): Promise<void> {}
