package org.rendakb.compare;

/**
 * One unit of a text compared with another version: an article (第X条), a numbered section (一、),
 * a heading or a paragraph.
 *
 * @param label the unit's own number as written (第十二条, 三、), empty when it has none
 * @param text the whole unit as written, label included
 * @param body the text without its label, folded: what decides whether two units are the same
 */
public record Unit(String label, String text, String body) {}
