// Test helper: the InputError an action throws, failing the test when it throws none or something else. Not a test file itself.
import { InputError } from '../../../sim/params/errors.ts';

export function inputErrorOf(action: () => unknown): InputError {
  try {
    action();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}
