package io.osprey.inventory.oui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Organization names exactly as the IEEE listings (ieee-data 20220827.1) spell them, and the vendor Osprey shows. */
class VendorNameCleanerTest {
    private static final VendorNameCleaner CLEANER = VendorNameCleaner.bundled();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # legal forms and one spelling per big vendor
            Apple, Inc.                                              | Apple
            Cisco Systems, Inc                                       | Cisco
            HUAWEI TECHNOLOGIES CO.,LTD                              | Huawei
            Huawei Device Co., Ltd.                                  | Huawei
            Samsung Electronics Co.,Ltd                              | Samsung
            SAMSUNG ELECTRO-MECHANICS(THAILAND)                      | Samsung
            Intel Corporate                                          | Intel
            TP-LINK TECHNOLOGIES CO.,LTD.                            | TP-Link
            Hewlett Packard                                          | HP
            HP Inc.                                                  | HP
            Hewlett Packard Enterprise                               | HP
            ProCurve Networking by HP                                | HP
            Aruba, a Hewlett Packard Enterprise Company              | Aruba
            Motorola Mobility LLC, a Lenovo Company                  | Motorola
            ASUSTek COMPUTER INC.                                    | ASUS
            Hon Hai Precision Ind. Co.,Ltd.                          | Foxconn
            Xiaomi Communications Co Ltd                             | Xiaomi
            zte corporation                                          | ZTE
            GUANGDONG OPPO MOBILE TELECOMMUNICATIONS CORP.,LTD       | OPPO
            Nokia Danmark A/S                                        | Nokia
            Siemens AG Energy Management Division                    | Siemens
            Rockwell Automation                                      | Rockwell Automation
            Hangzhou Hikvision Digital Technology Co.,Ltd.           | Hikvision
            Seiko Epson Corporation                                  | Epson
            Routerboard.com                                          | MikroTik
            Philips Lighting BV                                      | Signify (Philips)
            PHOENIX CONTACT Electronics GmbH                         | Phoenix Contact
            Raspberry Pi Trading Ltd                                 | Raspberry Pi
            Belkin International Inc.                                | Belkin
            The Linksys Group, Inc.                                  | Linksys
            Cisco-Linksys, LLC                                       | Linksys
            APC by Schneider Electric                                | APC
            3COM EUROPE LTD                                          | 3Com
            NETGEAR                                                  | Netgear
            # general rules on names no alias knows
            BUFFALO.INC                                              | Buffalo
            ALPSALPINE CO,.LTD                                       | Alpsalpine
            SHENZHEN GONGJIN ELECTRONICS CO.,LT                      | Shenzhen Gongjin Electronics
            Tenda Technology Co.,Ltd.Dongguan branch                 | Tenda Technology
            China Mobile Chongqing branch                            | China Mobile
            Kobian Pte Ltd - Taiwan Branch                           | Kobian
            Industrial Computer Source (Deutschland)GmbH             | Industrial Computer Source
            Blick South Africa (Pty) Ltd                             | Blick South Africa
            Saab AB (publ)                                           | Saab
            HYUNDAE YONG-O-SA CO.,LTD                                | Hyundae Yong-O-SA
            I.S.A. S.r.l.                                            | I.S.A
            Computer Performance, Inc. DBA Digital Loggers, Inc.     | Digital Loggers
            SED, a division of Calian                                | SED
            Weidmüller Interface GmbH & Co. KG                       | Weidmüller
            RHEWA-WAAGENFABRIK August Freudewald GmbH &amp;Co. KG   | RHEWA-WAAGENFABRIK August Freudewald
            KAEL MÜHENDİSLİK ELEKTRONİK TİCARET SANAYİ LİMİTED ŞİRKETİ | Kael Mühendislik Elektronik Ticaret Sanayi
            AUTOMATIZACION Y CONECTIVIDAD SA DE CV                   | Automatizacion y Conectividad
            SKY UK LIMITED                                           | SKY UK
            `"Smart Systems" LLC`                                    | Smart Systems
            Ge Ruili Intelligent Technology ( Beijing ) Co., Ltd.    | Ge Ruili Intelligent Technology
            GE Healthcare                                            | GE
            """)
    void cleansRegisteredNames(String registered, String vendor) {
        assertThat(CLEANER.clean(registered)).isEqualTo(vendor);
    }

    @Test
    void foldsUnicodeSpacesAndFullWidthPunctuation() {
        assertThat(CLEANER.clean("Sichuan\u00a0AI-Link\u00a0Technology\u00a0Co.,\u00a0Ltd."))
                .isEqualTo("Sichuan AI-Link Technology");
        assertThat(CLEANER.clean("SHENZHEN BILIAN ELECTRONIC CO.\uFF0CLTD")).isEqualTo("Shenzhen Bilian Electronic");
        assertThat(CLEANER.clean("\u200bASUNG TECHNO CO.,Ltd")).isEqualTo("Asung Techno");
        assertThat(CLEANER.clean("Shenzhen YOUHUA Technology Co., Ltd\t")).isEqualTo("Shenzhen YOUHUA Technology");
        assertThat(CLEANER.clean("SHENZHEN\u2002TONG BO WEI\u2002TECHNOLOGY Co.,LTD"))
                .isEqualTo("Shenzhen Tong BO WEI Technology");
    }

    @Test
    void namesThatAreNoVendorCleanToNull() {
        assertThat(CLEANER.clean("Private")).isNull();
        assertThat(CLEANER.clean("IEEE Registration Authority")).isNull();
        assertThat(CLEANER.clean("   ")).isNull();
    }

    @Test
    void keepsAShortNameThatIsOnlyALegalFormWord() {
        // Nothing precedes "AB"/"ZAO", so they are the name itself, not a legal form.
        assertThat(CLEANER.clean("ZAO")).isEqualTo("ZAO");
        assertThat(CLEANER.clean("Cat AB")).isEqualTo("Cat");
    }

    @Test
    void legalFormsNeedASeparator() {
        // "Zinc", "Incoming", "Cologne" contain Inc and Co but are words.
        assertThat(CLEANER.clean("Zinc")).isEqualTo("Zinc");
        assertThat(CLEANER.clean("Incoming Systems Co")).isEqualTo("Incoming Systems");
    }

    @Test
    void firstMatchingAliasWins() {
        var cleaner = new VendorNameCleaner(List.of(),
                VendorNameCleaner.parseAliases("Acme Labs\tAcme Research\nAcme\\b.*\tAcme\n", "test"));
        assertThat(cleaner.clean("Acme Labs")).isEqualTo("Acme Research");
        assertThat(cleaner.clean("Acme Widgets")).isEqualTo("Acme");
        assertThat(cleaner.clean("Acmes")).isEqualTo("Acmes");
    }

    @Test
    void aliasPatternsMatchTheWholeNameIgnoringCase() {
        var cleaner = new VendorNameCleaner(List.of(), VendorNameCleaner.parseAliases("sony\tSony\n", "test"));
        assertThat(cleaner.clean("SONY")).isEqualTo("Sony");
        assertThat(cleaner.clean("Sony Tektronix")).isEqualTo("Sony Tektronix");
    }

    @Test
    void rejectsMalformedDataFiles() {
        assertThatThrownBy(() -> VendorNameCleaner.parseAliases("Acme(\tAcme\n", "aliases.tsv"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("aliases.tsv:1");
        assertThatThrownBy(() -> VendorNameCleaner.parseAliases("# comment\nAcme only\n", "aliases.tsv"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("aliases.tsv:2");
        assertThatThrownBy(() -> VendorNameCleaner.parseLegalForms("sometimes\tInc\n", "forms.tsv"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("forms.tsv:1");
    }
}
