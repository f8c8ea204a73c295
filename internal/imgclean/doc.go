// Package imgclean removes metadata from images before they are published:
// EXIF (camera, GPS, owner), XMP, IPTC, ICC profiles, comments, text chunks,
// thumbnails and anything after the image's end. Containers are parsed end
// to end and only the parts a decoder needs are kept (an allow list, never a
// deny list); a format without such a parser is re-encoded from its decoded
// pixels. Every result is decoded once more before it is returned, so an
// image that cannot be cleaned is refused, never published as it was.
package imgclean
