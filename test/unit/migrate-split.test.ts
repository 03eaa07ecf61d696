import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { MIGRATIONS_DIR, splitStatements } from '../../src/store/migrate.ts'

describe('splitStatements', () => {
  it('splits at semicolons and drops comment lines', () => {
    expect(splitStatements('-- a comment; with a semicolon\nCREATE TABLE a (x int);\n\nALTER TABLE a ADD y int;\n')).toEqual([
      'CREATE TABLE a (x int)',
      'ALTER TABLE a ADD y int',
    ])
  })

  it("keeps a dollar-quoted function body, semicolons and all, in its statement", () => {
    const sql = `CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  DELETE FROM b;\n  RETURN NULL;\nEND\n$$;\nCREATE TRIGGER t AFTER DELETE ON a FOR EACH STATEMENT EXECUTE FUNCTION f();`
    const statements = splitStatements(sql)
    expect(statements).toHaveLength(2)
    expect(statements[0]).toMatch(/^CREATE FUNCTION f\(\)[\s\S]*DELETE FROM b;\n  RETURN NULL;\nEND\n\$\$$/)
    expect(statements[1]).toMatch(/^CREATE TRIGGER t /)
  })

  it('reads the trigger migration as its three statements', () => {
    const statements = splitStatements(readFileSync(join(MIGRATIONS_DIR, '017_theme_members_message_trigger.sql'), 'utf8'))
    expect(statements.map((s) => s.split(/\s+/).slice(0, 2).join(' '))).toEqual(['ALTER TABLE', 'CREATE FUNCTION', 'CREATE TRIGGER'])
  })
})
