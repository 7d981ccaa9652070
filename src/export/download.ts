// Saves exports as downloads (CSV, JSON, PNG of the canvas). DOM only: builds no content itself (see csv.ts).
import type { EngineClient } from '../engine/client.ts';
import type { AppStore } from '../state/store.ts';
import { adoptionsCsv, exportFileName, seriesCsv, summaryJson } from './csv.ts';

/** Starts a browser download of `blob` as `fileName`. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has read the blob by the next task; revoking later keeps slow browsers safe.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface Exporter {
  csv(): void;
  json(): void;
  /** Downloads a PNG of the canvas; resolves false when there is no canvas to capture. */
  png(): Promise<boolean>;
  /**
   * Asks the engine for every adoption so far and downloads them as cascade-tree edges (CSV); resolves false when
   * there is no world, or a new world or an error came before the answer (nothing is downloaded then).
   */
  cascades(): Promise<boolean>;
}

/**
 * Export actions over the store (what was run) and the client (the recorded series). `capture` returns the
 * canvas to save as PNG (the renderer's extract, or the #stage canvas right after a render).
 */
export function createExporter(
  store: AppStore,
  client: EngineClient,
  capture: () => Promise<HTMLCanvasElement | null>,
): Exporter {
  return {
    csv: () => {
      const { presetId, scenario, seed, tick, world } = store.getState();
      const text = seriesCsv(client.series(), {
        seed,
        presetId,
        scenario,
        trendNames: world?.trendNames ?? [],
        platformNames: world?.platformNames ?? [],
      });
      downloadBlob(
        new Blob([text], { type: 'text/csv' }),
        exportFileName(presetId, seed, tick, 'series', 'csv'),
      );
    },
    json: () => {
      const { presetId, scenario, seed, summary, tick } = store.getState();
      downloadBlob(
        new Blob([summaryJson({ presetId, scenario, seed, summary })], { type: 'application/json' }),
        exportFileName(presetId, seed, tick, 'summary', 'json'),
      );
    },
    cascades: () =>
      new Promise<boolean>((resolve) => {
        const { world } = store.getState();
        if (!world || !client.world()) {
          resolve(false);
          return;
        }
        const stops: (() => void)[] = [];
        const finish = (downloaded: boolean) => {
          for (const stop of stops) stop();
          resolve(downloaded);
        };
        stops.push(
          client.onAdoptions((message) => {
            const { presetId, seed } = store.getState();
            const text = adoptionsCsv(message.edges, { ...world, seed });
            downloadBlob(
              new Blob([text], { type: 'text/csv' }),
              exportFileName(presetId, seed, message.tick, 'cascades', 'csv'),
            );
            finish(true);
          }),
          client.onReady(() => finish(false)),
          client.onError((error) => {
            if (error.kind === 'crash') finish(false); // the worker is gone: no answer will come
          }),
        );
        client.send({ type: 'requestAdoptions' });
      }),
    png: async () => {
      const canvas = await capture();
      if (!canvas) return false;
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
      if (!blob) return false;
      const { presetId, seed, tick } = store.getState();
      downloadBlob(blob, exportFileName(presetId, seed, tick, 'canvas', 'png'));
      return true;
    },
  };
}
