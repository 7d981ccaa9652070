// CSV cells and files: quoting, and a file cut back to an earlier mark (the rows of a run stopped half way) that is written on from there.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvFile, csvLine } from '../../../sim/cli/csv.ts';
import { removeTempFolders, tempFolder } from './cli-process.ts';

afterAll(removeTempFolders);

describe('csvLine', () => {
  it('quotes only cells that need it and leaves non-finite numbers empty', () => {
    expect(csvLine(['a,b', 'say "hi"', 1.5, Number.NaN, true, null])).toBe('"a,b","say ""hi""",1.5,,true,\n');
  });
});

describe('CsvFile', () => {
  it('cuts back to a mark, dropping written and pending rows, and appends after the mark', () => {
    const path = join(tempFolder(), 'rows.csv');
    const file = new CsvFile(path, ['run', 'value']);
    file.row([0, 1]);
    file.commit();
    const mark = file.bytes;
    expect(mark).toBe(Buffer.byteLength('run,value\n0,1\n'));
    file.row([1, 2]);
    file.commit(); // on disk
    file.row([1, 3]); // still pending
    file.cutBackTo(mark);
    file.row([2, 4]);
    file.close();
    expect(readFileSync(path, 'utf8')).toBe('run,value\n0,1\n2,4\n');
  });
});
