package io.osprey.dissect.eapol;

/** Names of EAP method types (RFC 3748 §5-6 and the IANA "Method Types" registry of the EAP numbers). */
final class EapMethods {
    private static final String[] NAMES = new String[256];

    static {
        NAMES[1] = "Identity";          // RFC 3748 §5.1
        NAMES[2] = "Notification";      // §5.2
        NAMES[3] = "Nak";               // §5.3.1 (legacy Nak)
        NAMES[4] = "MD5-Challenge";     // §5.4
        NAMES[5] = "OTP";               // §5.5 One-Time Password
        NAMES[6] = "GTC";               // §5.6 Generic Token Card
        NAMES[13] = "TLS";              // RFC 5216
        NAMES[17] = "LEAP";             // Cisco Wireless
        NAMES[18] = "SIM";              // RFC 4186
        NAMES[21] = "TTLS";             // RFC 5281
        NAMES[23] = "AKA";              // RFC 4187
        NAMES[25] = "PEAP";             // draft-josefsson-pppext-eap-tls-eap
        NAMES[26] = "MS-EAP-Authentication";
        NAMES[29] = "MSCHAPv2";         // EAP-MSCHAP-V2
        NAMES[32] = "POTP";             // RFC 4793
        NAMES[38] = "HTTP-Digest";
        NAMES[43] = "FAST";             // RFC 4851
        NAMES[46] = "PAX";              // RFC 4746
        NAMES[47] = "PSK";              // RFC 4764
        NAMES[48] = "SAKE";             // RFC 4763
        NAMES[49] = "IKEv2";            // RFC 5106
        NAMES[50] = "AKA'";             // RFC 5448
        NAMES[51] = "GPSK";             // RFC 5433
        NAMES[52] = "pwd";              // RFC 5931
        NAMES[53] = "EKE";              // RFC 6124
        NAMES[54] = "PT-EAP";           // RFC 7171
        NAMES[55] = "TEAP";             // RFC 7170
        NAMES[254] = "Expanded";        // RFC 3748 §5.7
        NAMES[255] = "Experimental";    // §5.8
        for (int t = 0; t < NAMES.length; t++) {
            if (NAMES[t] == null) NAMES[t] = "type-" + t;
        }
    }

    private EapMethods() {}

    /** The name of method type {@code type} (0-255). */
    static String name(int type) {
        return NAMES[type & 0xff];
    }
}
