package io.contentfactory.scheduler.domain;

/**
 * The media URL and type a post target sends to its platform. Instagram takes JPEG images only, so an image that
 * ingest-service gave a JPEG rendition (a PNG, say, or one too wide or too large) goes to Instagram as the rendition;
 * every other platform, and every video, gets the original.
 */
public record Served(String url, String contentType) {

    public static Served to(String platform, String mediaType, String contentUrl, String contentType, String jpegUrl) {
        if (jpegUrl != null && !jpegUrl.isBlank() && "instagram".equals(platform) && "image".equals(mediaType)) {
            return new Served(jpegUrl, "image/jpeg");
        }
        return new Served(contentUrl, contentType);
    }
}
