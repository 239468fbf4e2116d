// The reviewed rule files are looked at again at most every RECHECK_MS: a stamp is trusted that long, then taken
// again, and an edit of the reviewed weights reaches the assessment once that time has passed.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as service from '../../src/app/assessment-service';
import { FileStamps, RECHECK_MS } from '../../src/app/file-stamps';
import { openWorkbench, type Workbench } from '../../src/app/workbench';
import { assessPartner } from '../../src/core/assess/engine';
import type { IsoDate } from '../../src/core/dates';
import { tempDir, testConfig } from './harness';

describe('FileStamps', () => {
  it('trusts a stamp for the recheck time, then looks at the file again', () => {
    const file = path.join(tempDir(), 'rules.yaml');
    fs.writeFileSync(file, 'a: 1\n');
    let now = 1000;
    const stamps = new FileStamps(500, () => now);
    const first = stamps.stamp(file);
    expect(first).toMatch(/^5:/);
    fs.writeFileSync(file, 'a: 100\n');
    now += 499;
    expect(stamps.stamp(file)).toBe(first);
    now += 1;
    const second = stamps.stamp(file);
    expect(second).toMatch(/^7:/);
    fs.rmSync(file);
    now += 500;
    expect(stamps.stamp(file)).toBeUndefined();
  });

  it('with no recheck time, looks at the file every time', () => {
    const file = path.join(tempDir(), 'rules.yaml');
    fs.writeFileSync(file, 'a: 1\n');
    const stamps = new FileStamps(0, () => 0);
    expect(stamps.stamp(file)).toMatch(/^5:/);
    fs.writeFileSync(file, 'a: 100\n');
    expect(stamps.stamp(file)).toMatch(/^7:/);
  });
});

describe('an edit of the reviewed weights', () => {
  let wb: Workbench | undefined;
  afterAll(async () => wb?.close());

  it('reaches the assessment once the recheck time has passed', async () => {
    const dir = tempDir('cyberdiplo-data-');
    fs.cpSync(path.join(__dirname, '..', '..', 'data'), dir, { recursive: true });
    wb = await openWorkbench(testConfig({ dataDir: dir }));
    const before = await service.assess(wb, 'JP', '2016-12-31');
    const file = path.join(dir, 'assessment', 'weights.yaml');
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('\n    cap: 60\n');
    fs.writeFileSync(file, text.replace('\n    cap: 60\n', '\n    cap: 20\n'));
    await new Promise((r) => setTimeout(r, RECHECK_MS + 50));
    const after = await service.assess(wb, 'JP', '2016-12-31');
    expect(after).not.toEqual(before);
    expect(after).toEqual(assessPartner(await wb.kb.dataset(), 'JP', '2016-12-31' as IsoDate, service.loadWeights(wb)));
  });
});
