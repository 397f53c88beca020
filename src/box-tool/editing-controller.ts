/**
 * The box tool's edits, shared by the pointer gestures and the keys: preview and commit a moved or
 * resized box, create, delete, relabel, accept suggestions, walk the boxes, and the keyboard-only
 * draft (B starts a box in the middle of the view, arrows and Alt+arrows place and size it).
 */
import type { ReactiveController } from 'lit';
import { createAnnotation, labelIdOf, withLabel, withSelector } from '../core/annotation.js';
import { msg, str } from '../core/localize.js';
import { boxSelector, roundRect, type Rect } from '../core/selectors.js';
import type { KolamBoxTool } from './box-tool.js';
import { describeBox, describeRect } from './describe.js';
import { clampRect, growRect, moveRect, panBy } from './geometry.js';
import { cacheRect, cachedRect } from './rect-cache.js';

/** Screen px an arrow pans by when no box is selected. */
const PAN_STEP = 40;

export class EditingController implements ReactiveController {
  private readonly tool: KolamBoxTool;

  constructor(tool: KolamBoxTool) {
    this.tool = tool;
    tool.addController(this);
  }

  hostConnected(): void {
    this.tool.addEventListener('keyup', this.onKeyUp);
    this.tool.addEventListener('focusout', this.onFocusOut);
  }

  hostDisconnected(): void {
    this.tool.removeEventListener('keyup', this.onKeyUp);
    this.tool.removeEventListener('focusout', this.onFocusOut);
  }

  /** Shows a moved or resized selected box without an event; the canvas is not redrawn. */
  previewRect(id: string, rect: Rect): void {
    const { store, layer } = this.tool;
    const current = store.get(id);
    if (!current) return;
    const next = roundRect(rect);
    const old = cachedRect(current);
    if (next.x === old.x && next.y === old.y && next.w === old.w && next.h === old.h) return;
    const clean = layer.isCurrent;
    const index = layer.indexOf(current);
    const annotation = withSelector(current, boxSelector(next));
    cacheRect(annotation, next);
    store.preview(annotation);
    if (index >= 0 && store.shown[index] === annotation) layer.patch(index, next);
    // The selected box lives in the overlay, so the canvas still shows the right picture.
    if (clean && id === store.selectedId) layer.keepCurrent();
  }

  /** Ends a drag or key burst: one update event, one undo step. */
  commitEdit(): void {
    const { store, layer } = this.tool;
    if (!store.isGestureActive) return;
    const clean = layer.isCurrent;
    const selected = store.selectedId;
    store.commitGesture();
    if (clean && selected === store.selectedId) layer.keepCurrent();
    const a = store.selected;
    if (a) this.tool.announcer.announce(msg(str`Box now ${describeRect(cachedRect(a))}`));
  }

  /** Adds a box the user drew, if it is at least `min-size`. */
  createBox(rect: Rect): boolean {
    const tool = this.tool;
    const image = tool.imageSize;
    if (!image) return false;
    const r = roundRect(clampRect(rect, image));
    if (r.w < tool.minSize || r.h < tool.minSize) return false;
    const annotation = createAnnotation({
      source: tool.source ?? tool.src,
      selector: boxSelector(r),
      labelId: tool.labelsCtl.activeLabel,
      annotator: tool.labelsCtl.annotator,
    });
    tool.store.create(annotation);
    tool.store.select(annotation.id);
    tool.announcer.announce(msg(str`Added ${describeBox(annotation, tool.labelsCtl.nameOf(labelIdOf(annotation)), r)}`));
    return true;
  }

  deleteSelection(): boolean {
    const tool = this.tool;
    if (tool.draft) return ((tool.draft = null), true);
    if (tool.review.decide('reject')) return true;
    const a = tool.store.selected;
    if (!a || !tool.canEdit) return false;
    tool.store.remove(a.id);
    tool.announcer.announce(msg(str`Deleted ${tool.labelsCtl.nameOf(labelIdOf(a)) || msg('box')}`));
    return true;
  }

  /** Escape: the gesture in progress, else the draft, else the selection. */
  cancel(): boolean {
    const tool = this.tool;
    if (tool.gestures.isActive) tool.gestures.cancel();
    else if (tool.store.isGestureActive) tool.store.cancelGesture();
    else if (tool.draft) tool.draft = null;
    else if (tool.store.selectedId) {
      tool.store.select(null);
      tool.tabs.rest();
    }
    else return false;
    return true;
  }

  /** Tab / Shift+Tab: the next box in reading order; at either end, focus moves on. */
  selectByOrder(step: 1 | -1): boolean {
    const { store, layer } = this.tool;
    const order = layer.order;
    const shown = store.shown;
    const current = store.selectedId ? order.findIndex((i) => shown[i].id === store.selectedId) : -1;
    const at = this.tool.tabs.step(order.length, current, step);
    if (at === null) return false;
    const next = order[at];
    store.select(shown[next].id);
    this.tool.revealBox(layer.rects[next]);
    return true;
  }

  /** Enter: adds the keyboard draft, or accepts a selected suggestion. */
  acceptOrCommit(): boolean {
    const tool = this.tool;
    if (tool.draft) {
      const draft = tool.draft;
      tool.draft = null;
      this.createBox(draft);
      return true;
    }
    return tool.review.decide('accept');
  }

  /** B: a new box in the middle of the view, a quarter of its size, to place by keys. */
  startKeyboardBox(): boolean {
    const tool = this.tool;
    const image = tool.imageSize;
    if (!image || !tool.canEdit) return false;
    const t = tool.transform;
    const w = Math.max(tool.minSize, Math.round(Math.min(tool.viewport.width / 4 / t.scale, image.width / 2)));
    const h = Math.max(tool.minSize, Math.round(Math.min(tool.viewport.height / 4 / t.scale, image.height / 2)));
    tool.store.select(null);
    tool.draft = clampRect({ x: tool.view.cx - w / 2, y: tool.view.cy - h / 2, w, h }, image);
    tool.announcer.announce(msg('New box: arrows move it, Alt+arrows size it, Enter adds it, Escape cancels.'));
    return true;
  }

  /** Arrows: move (or with `grow`, size) the draft or the selected box; else pan. */
  nudge(dx: number, dy: number, grow: boolean): boolean {
    const tool = this.tool;
    const image = tool.imageSize;
    if (!image) return false;
    const move = (r: Rect) => roundRect(grow ? growRect(r, dx, dy, image, tool.minSize) : moveRect(r, dx, dy, image));
    if (tool.draft) tool.draft = move(tool.draft);
    else if (tool.store.selected && tool.canEdit) this.previewRect(tool.store.selectedId!, move(cachedRect(tool.store.selected)));
    else if (!grow) tool.view = panBy(tool.view, -dx * PAN_STEP, -dy * PAN_STEP, tool.transform, image);
    else return false;
    return true;
  }

  /** 1–9 or a label's hotkey: relabels the selected box and makes the label active. */
  relabelByKey(event: KeyboardEvent): boolean {
    const { labelsCtl, store } = this.tool;
    const label = labelsCtl.labelForKey(event);
    if (!label) return false;
    if (this.tool.review.decide('accept', label.id)) return true;
    const a = store.selected;
    if (a && this.tool.canEdit && labelIdOf(a) !== label.id) {
      store.update(withLabel(a, label.id));
      this.tool.announcer.announce(msg(str`Relabelled as ${labelsCtl.nameOf(label.id)}`));
    }
    labelsCtl.setActive(label.id);
    return true;
  }

  private readonly onKeyUp = (event: KeyboardEvent): void => {
    if (event.key === ' ') this.tool.spaceHeld = false;
    // A burst of arrow presses (or a held arrow) is one undo step and one kolam-update.
    if (event.key.startsWith('Arrow') && !this.tool.gestures.isActive) this.commitEdit();
  };

  private readonly onFocusOut = (): void => {
    this.tool.spaceHeld = false;
    if (!this.tool.gestures.isActive) this.commitEdit();
  };
}
