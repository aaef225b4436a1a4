package io.contentfactory.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class UrlImportsTest {

    @Test
    void theFileNameIsTheLinksLastPathSegmentForCloudinarySupabaseAndPlainLinks() {
        assertThat(
                        UrlImports.fileNameOf(
                                URI.create(
                                        "https://res.cloudinary.com/demo/video/upload/q_auto,f_auto/v1699/campaign/launch%20teaser.mp4")))
                .isEqualTo("launch teaser.mp4");
        assertThat(UrlImports.fileNameOf(
                        URI.create("https://abcd.supabase.co/storage/v1/object/public/media/2026/11/bowl.jpg")))
                .isEqualTo("bowl.jpg");
        assertThat(UrlImports.fileNameOf(
                        URI.create("https://abcd.supabase.co/storage/v1/object/sign/media/clip.mov?token=eyJhbGciOi")))
                .isEqualTo("clip.mov");
        assertThat(UrlImports.fileNameOf(URI.create("https://cdn.example.com/")))
                .isEqualTo("import");
        assertThat(UrlImports.fileNameOf(URI.create("https://cdn.example.com/a/..%2F..%2Fetc%2Fpasswd")))
                .isEqualTo("....etcpasswd");
    }
}
