/**
 * Photos and documents kept with the ledger: stored once under the SHA-256 of their bytes, large photos scaled
 * down with their EXIF kept, small JPEG thumbnails for lists. {@link org.taizhang.core.attachment.AttachmentStore}
 * is the way in.
 */
package org.taizhang.core.attachment;
