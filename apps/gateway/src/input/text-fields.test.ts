import { getNamedType, isInputObjectType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../schema.ts';
import { isSecretInput, MULTILINE_JSON_SCALARS, MULTILINE_TEXT_FIELDS } from './text-fields.ts';

/** `Type.field` of input fields and `Type.field(argument)` of arguments, with their named type. */
function inputCoordinates(): Map<string, string> {
  const coordinates = new Map<string, string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        coordinates.set(`${type.name}.${field.name}`, getNamedType(field.type).name);
      }
    }
    if (isObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        for (const arg of field.args) {
          coordinates.set(`${type.name}.${field.name}(${arg.name})`, getNamedType(arg.type).name);
        }
      }
    }
  }
  return coordinates;
}

describe('the text rules name real schema inputs', () => {
  it('every multi-line field exists and is a String', () => {
    const coordinates = inputCoordinates();
    for (const coordinate of MULTILINE_TEXT_FIELDS) {
      expect(coordinates.get(coordinate), coordinate).toBe('String');
    }
  });

  it('every multi-line JSON scalar exists', () => {
    for (const name of MULTILINE_JSON_SCALARS) {
      expect(schema.getType(name), name).toBeDefined();
    }
  });

  it('leaves only password inputs as typed', () => {
    const secrets = [...inputCoordinates()].filter(([coordinate]) =>
      isSecretInput(coordinate.replace(/\)$/, '').replace(/.*[.(]/, '')),
    );
    for (const [coordinate, type] of secrets) {
      expect(coordinate, coordinate).toMatch(/password/i);
      expect(type, coordinate).toBe('String');
    }
    expect(secrets.map(([c]) => c)).toContain('LoginInput.password');
  });
});
