// Detects WebGL rasterised on the CPU and picks the canvas resolution for it. Reads the DOM's WebGL info only; never changes the scene.
import { SCENE_BUDGET } from './scene-api.ts';

/**
 * True when WebGL is rasterised on the CPU (SwiftShader, llvmpipe): there every pixel drawn costs the main thread,
 * which waits for the frame at commit, so the canvas is drawn at a lower resolution and scaled up.
 */
export function isSoftwareGl(): boolean {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return false;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return /swiftshader|llvmpipe|softpipe|software/i.test(name);
}

/** Canvas pixels per CSS pixel: reduced on software WebGL, the device's own (at most 2) elsewhere. */
export function canvasResolution(): number {
  return isSoftwareGl() ? SCENE_BUDGET.softwareResolution : Math.min(2, window.devicePixelRatio || 1);
}
