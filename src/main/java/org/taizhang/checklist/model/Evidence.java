package org.taizhang.checklist.model;

import org.taizhang.core.attachment.Attachment;

/**
 * A photo or document shown as evidence (佐证材料) for one answer of an assessment. The file itself is the
 * content-addressed attachment; this is the link, whose id comes from assessment + item key + attachment, so the
 * same photo attached twice (or on two laptops) is one link.
 */
public record Evidence(String id, String assessmentId, String itemKey, Attachment attachment) {}
