package social.annals.gateway.federation.signature;

/** What {@link HttpSignatures#verify} concluded about a request; only {@link #VALID} lets it through. */
public enum Verification {
    VALID,
    /** Neither a {@code Signature} header nor {@code Authorization: Signature ...}. */
    MISSING_SIGNATURE,
    /** The signature header does not parse, or declares an algorithm other than rsa-sha256 or hs2019. */
    MALFORMED_SIGNATURE,
    /**
     * The signature leaves (request-target), host, date or, for a request with a body, digest uncovered; or it
     * covers a header (or a created/expires parameter) the request does not carry.
     */
    MISSING_REQUIRED_HEADER,
    /** The body is not the one the {@code Digest} header vouches for. */
    DIGEST_MISMATCH,
    /** The date is unparseable, older than the allowed age or too far ahead; or created/expires rule it out. */
    STALE_DATE,
    /** The signature does not verify under the key for this request. */
    BAD_SIGNATURE;

    public boolean isValid() {
        return this == VALID;
    }
}
