package io.feiyan.notification.sms;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A text as SMS carries it in Chinese: UCS-2 (two bytes a character), 70 characters in one message, or up to two
 * concatenated segments of 67 characters each behind a user data header (UDH {@code 05 00 03 ref total seq}), 134
 * characters in all. A longer text is cut to fit, ending in "…" ({@code cut}): the county's templates should not make
 * one.
 */
public record SmsText(String text, boolean cut) {
    /** data_coding of UCS-2. */
    public static final byte UCS2 = 0x08;
    public static final int SINGLE = 70;
    public static final int PER_SEGMENT = 67;
    public static final int MOST_SEGMENTS = 2;
    public static final int MOST = PER_SEGMENT * MOST_SEGMENTS;
    private static final String ELLIPSIS = "…";

    /** The text, cut with "…" to what two segments carry when longer. */
    public static SmsText fit(String text) {
        if (segments(text).size() <= MOST_SEGMENTS) {
            return new SmsText(text, false);
        }
        String cut;
        int end = MOST - ELLIPSIS.length();
        do { // once, unless a character beyond UCS-2 (two UTF-16 units) straddles a segment's end
            cut = text.substring(0, unsplit(text, end--)) + ELLIPSIS;
        } while (segments(cut).size() > MOST_SEGMENTS);
        return new SmsText(cut, true);
    }

    /** Whether it goes in segments, each with a user data header (esm_class UDHI). */
    public boolean concatenated() {
        return segments(text).size() > 1;
    }

    /**
     * The short_message of each submit_sm: the text in UCS-2, or, concatenated, each segment behind its header naming
     * the message by {@code reference} (the same for every segment of one message) and the segment's place.
     */
    public List<byte[]> payloads(int reference) {
        List<String> segments = segments(text);
        if (segments.size() == 1) {
            return List.of(text.getBytes(StandardCharsets.UTF_16BE));
        }
        List<byte[]> payloads = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            byte[] ucs2 = segments.get(i).getBytes(StandardCharsets.UTF_16BE);
            payloads.add(ByteBuffer.allocate(6 + ucs2.length)
                    .put((byte) 5).put((byte) 0).put((byte) 3)
                    .put((byte) reference).put((byte) segments.size()).put((byte) (i + 1))
                    .put(ucs2).array());
        }
        return payloads;
    }

    /** The text in one piece, or in pieces of {@link #PER_SEGMENT} UTF-16 units, none parting a surrogate pair. */
    private static List<String> segments(String text) {
        if (text.length() <= SINGLE) {
            return List.of(text);
        }
        List<String> segments = new ArrayList<>();
        for (int from = 0; from < text.length(); ) {
            int to = unsplit(text, Math.min(text.length(), from + PER_SEGMENT));
            segments.add(text.substring(from, to));
            from = to;
        }
        return segments;
    }

    /** {@code end}, or one less where it would part a surrogate pair (a character beyond UCS-2, e.g. an emoji). */
    private static int unsplit(String text, int end) {
        return end < text.length() && Character.isLowSurrogate(text.charAt(end)) ? end - 1 : end;
    }
}
