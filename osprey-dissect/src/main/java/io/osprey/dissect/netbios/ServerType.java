package io.osprey.dissect.netbios;

import io.osprey.dissect.dns.ValueBuffer;

/**
 * The server type bits of browser announcements (MS-BRWS §2.2.1, values from MS-SRVS §2.2.2.7 "Software Type
 * Flags"), written as names. Bits without a defined meaning are left out.
 */
public final class ServerType {
    /** Name of bit {@code i} (SV_TYPE value 1 &lt;&lt; i), or null when undefined. */
    private static final String[] NAMES = {
        "workstation",              // 0x00000001 SV_TYPE_WORKSTATION
        "server",                   // 0x00000002 SV_TYPE_SERVER
        "sql-server",               // 0x00000004 SV_TYPE_SQLSERVER
        "domain-controller",        // 0x00000008 SV_TYPE_DOMAIN_CTRL
        "backup-domain-controller", // 0x00000010 SV_TYPE_DOMAIN_BAKCTRL
        "time-source",              // 0x00000020 SV_TYPE_TIME_SOURCE
        "afp-server",               // 0x00000040 SV_TYPE_AFP
        "novell-server",            // 0x00000080 SV_TYPE_NOVELL
        "domain-member",            // 0x00000100 SV_TYPE_DOMAIN_MEMBER
        "print-server",             // 0x00000200 SV_TYPE_PRINTQ_SERVER
        "dialin-server",            // 0x00000400 SV_TYPE_DIALIN_SERVER
        "xenix-server",             // 0x00000800 SV_TYPE_XENIX_SERVER / SV_TYPE_SERVER_UNIX
        "nt-workstation",           // 0x00001000 SV_TYPE_NT
        "wfw",                      // 0x00002000 SV_TYPE_WFW (Windows for Workgroups)
        "netware-file-print",       // 0x00004000 SV_TYPE_SERVER_MFPN
        "nt-server",                // 0x00008000 SV_TYPE_SERVER_NT
        "potential-browser",        // 0x00010000 SV_TYPE_POTENTIAL_BROWSER
        "backup-browser",           // 0x00020000 SV_TYPE_BACKUP_BROWSER
        "master-browser",           // 0x00040000 SV_TYPE_MASTER_BROWSER
        "domain-master-browser",    // 0x00080000 SV_TYPE_DOMAIN_MASTER
        "osf-server",               // 0x00100000 SV_TYPE_SERVER_OSF
        "vms-server",               // 0x00200000 SV_TYPE_SERVER_VMS
        "windows",                  // 0x00400000 SV_TYPE_WINDOWS (Windows 95 and later)
        "dfs-root",                 // 0x00800000 SV_TYPE_DFS
        "cluster",                  // 0x01000000 SV_TYPE_CLUSTER_NT
        "terminal-server",          // 0x02000000 SV_TYPE_TERMINALSERVER
        "cluster-virtual-server",   // 0x04000000 SV_TYPE_CLUSTER_VS_NT
        null,                       // 0x08000000 undefined
        "dce",                      // 0x10000000 SV_TYPE_DCE (IBM DSS)
        "alternate-transport",      // 0x20000000 SV_TYPE_ALTERNATE_XPORT
        "local-list-only",          // 0x40000000 SV_TYPE_LOCAL_LIST_ONLY
        "domain-enum",              // 0x80000000 SV_TYPE_DOMAIN_ENUM
    };

    private ServerType() {}

    /** The name of bit {@code bit} (0–31), or null. */
    public static String name(int bit) {
        return NAMES[bit];
    }

    /** Appends the names of the bits set in {@code bits}, lowest first, comma-separated. */
    public static ValueBuffer appendNames(long bits, ValueBuffer out) {
        boolean first = true;
        for (int i = 0; i < NAMES.length; i++) {
            if ((bits >>> i & 1) == 0 || NAMES[i] == null) continue;
            if (!first) out.append(',');
            out.append(NAMES[i]);
            first = false;
        }
        return out;
    }
}
