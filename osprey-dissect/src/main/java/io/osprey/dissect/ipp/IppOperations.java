package io.osprey.dissect.ipp;

/** Names of IPP operation ids (RFC 8011 §5.2-5.4 and the IANA IPP registry; CUPS extensions at 0x4001). */
final class IppOperations {
    static final int PRINT_JOB = 0x0002;
    static final int GET_PRINTER_ATTRIBUTES = 0x000B;
    private static final String[] STANDARD = new String[0x3E];
    private static final String[] CUPS = new String[0x10];

    static {
        String[] s = STANDARD;
        s[0x02] = "Print-Job"; s[0x03] = "Print-URI"; s[0x04] = "Validate-Job"; s[0x05] = "Create-Job";
        s[0x06] = "Send-Document"; s[0x07] = "Send-URI"; s[0x08] = "Cancel-Job"; s[0x09] = "Get-Job-Attributes";
        s[0x0A] = "Get-Jobs"; s[0x0B] = "Get-Printer-Attributes"; s[0x0C] = "Hold-Job"; s[0x0D] = "Release-Job";
        s[0x0E] = "Restart-Job"; s[0x10] = "Pause-Printer"; s[0x11] = "Resume-Printer"; s[0x12] = "Purge-Jobs";
        s[0x13] = "Set-Printer-Attributes"; s[0x14] = "Set-Job-Attributes";
        s[0x15] = "Get-Printer-Supported-Values"; s[0x16] = "Create-Printer-Subscriptions";
        s[0x17] = "Create-Job-Subscriptions"; s[0x18] = "Get-Subscription-Attributes"; s[0x19] = "Get-Subscriptions";
        s[0x1A] = "Renew-Subscription"; s[0x1B] = "Cancel-Subscription"; s[0x1C] = "Get-Notifications";
        s[0x22] = "Enable-Printer"; s[0x23] = "Disable-Printer"; s[0x24] = "Pause-Printer-After-Current-Job";
        s[0x25] = "Hold-New-Jobs"; s[0x26] = "Release-Held-New-Jobs"; s[0x27] = "Deactivate-Printer";
        s[0x28] = "Activate-Printer"; s[0x29] = "Restart-Printer"; s[0x2A] = "Shutdown-Printer";
        s[0x2B] = "Startup-Printer"; s[0x2C] = "Reprocess-Job"; s[0x2D] = "Cancel-Current-Job";
        s[0x2E] = "Suspend-Current-Job"; s[0x2F] = "Resume-Job"; s[0x30] = "Promote-Job";
        s[0x31] = "Schedule-Job-After"; s[0x33] = "Cancel-Document"; s[0x34] = "Get-Document-Attributes";
        s[0x35] = "Get-Documents"; s[0x36] = "Delete-Document"; s[0x37] = "Set-Document-Attributes";
        s[0x38] = "Cancel-Jobs"; s[0x39] = "Cancel-My-Jobs"; s[0x3A] = "Resubmit-Job"; s[0x3B] = "Close-Job";
        s[0x3C] = "Identify-Printer"; s[0x3D] = "Validate-Document";
        String[] c = CUPS;
        c[0x1] = "CUPS-Get-Default"; c[0x2] = "CUPS-Get-Printers"; c[0x3] = "CUPS-Add-Modify-Printer";
        c[0x4] = "CUPS-Delete-Printer"; c[0x5] = "CUPS-Get-Classes"; c[0x6] = "CUPS-Add-Modify-Class";
        c[0x7] = "CUPS-Delete-Class"; c[0x8] = "CUPS-Accept-Jobs"; c[0x9] = "CUPS-Reject-Jobs";
        c[0xA] = "CUPS-Set-Default"; c[0xB] = "CUPS-Get-Devices"; c[0xC] = "CUPS-Get-PPDs"; c[0xD] = "CUPS-Move-Job";
        c[0xE] = "CUPS-Authenticate-Job"; c[0xF] = "CUPS-Get-PPD";
    }

    private IppOperations() {}

    /** The operation's name, or null for an id not in the tables (reported as hex by the caller). */
    static String name(int id) {
        if (id >= 0 && id < STANDARD.length) return STANDARD[id];
        if (id > 0x4000 && id < 0x4000 + CUPS.length) return CUPS[id - 0x4000];
        return null;
    }
}
