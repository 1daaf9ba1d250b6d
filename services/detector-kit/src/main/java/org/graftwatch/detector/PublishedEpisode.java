package org.graftwatch.detector;

/**
 * The last finding published for an episode, as a detector stores it with the patient's state (public fields for
 * the MongoDB POJO codec). Its content key decides whether a re-assessment has anything new to publish.
 */
public class PublishedEpisode {
    public String contentKey;
    public String findingJson;

    public PublishedEpisode() {
    }

    public PublishedEpisode(String contentKey, String findingJson) {
        this.contentKey = contentKey;
        this.findingJson = findingJson;
    }
}
