/** What image formats carry beside the boxes: each image's natural size and file name. */
import type { Annotation } from '../../core/annotation.js';
import { rectOf, type Rect } from '../../core/selectors.js';
import { skip, type ExportOptions } from './common.js';

export interface ImageInfo {
  /** The annotations' `target.source`. */
  source: string;
  /** Natural size in pixels. */
  width: number;
  height: number;
  /** The name the format stores (COCO `file_name`, VOC `<filename>`); default: the source. */
  fileName?: string;
}

/** Image sizes by source, from a list or a record of `{ width, height }`. */
export type ImageSizes = readonly ImageInfo[] | Record<string, { width: number; height: number; fileName?: string }>;

export function imageMap(images: ImageSizes | undefined): Map<string, ImageInfo> {
  const map = new Map<string, ImageInfo>();
  if (!images) return map;
  if (Array.isArray(images)) for (const image of images as readonly ImageInfo[]) map.set(image.source, image);
  else for (const [source, size] of Object.entries(images)) map.set(source, { source, ...size });
  return map;
}

/** An annotation's box, or null after reporting it as something an image format cannot hold. */
export function boxOrSkip(format: string, options: ExportOptions, annotation: Annotation): Rect | null {
  const rect = rectOf(annotation);
  if (!rect || ![rect.x, rect.y, rect.w, rect.h].every(Number.isFinite) || rect.w <= 0 || rect.h <= 0) {
    skip(format, options, annotation, 'has no box (FragmentSelector "xywh=pixel:X,Y,W,H" with a positive size)');
    return null;
  }
  return rect;
}
