package org.amamo.notice.internal;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.amamo.identity.Role;
import org.amamo.identity.UserDirectory;
import org.amamo.identity.UserSummary;
import org.amamo.platform.PdfFonts;
import org.amamo.platform.SchemeTime;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Demo notices modelled on seed 002's notice list, loaded once into an installation without notices. */
@Component
@Order(20)
@ConditionalOnProperty(name = "amamo.demo-data.enabled", havingValue = "true")
class NoticeDemoData implements ApplicationRunner {

    private final NoticeRepository notices;
    private final NoticeAttachments attachments;
    private final UserDirectory users;
    private final Clock clock;

    NoticeDemoData(NoticeRepository notices, NoticeAttachments attachments, UserDirectory users, Clock clock) {
        this.notices = notices;
        this.attachments = attachments;
        this.users = users;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments arguments) {
        if (!notices.all(0, 1).isEmpty()) {
            return;
        }
        long author = users.withRole(Role.SECRETARIAT).stream()
                .findFirst()
                .map(UserSummary::userId)
                .orElseThrow();
        Instant now = clock.instant();
        add(author, "運用開始のお知らせ", "本日9時より「Jブルークレジット運用システム」として開始いたしました。", jst(2023, 8, 17, 9), null);
        long manual = add(author, "操作マニュアルについて", """
                本システムの「ユーザー向け操作マニュアル」を公開しました。

                - 事前相談の申込み
                - プロジェクト申請
                - クレジットの移転と無効化
                """, jst(2023, 8, 17, 16), null, null, "About the user manual", """
                The system's user manual is published (in Japanese):

                - applying for a pre-consultation
                - applying for a project
                - transferring and retiring credits
                """);
        attachments.store(manual, author, "ユーザー向け操作マニュアル.pdf", manualPdf());
        add(author, "令和5年度 第2回 購入者公募（終了）", "この公募は終了しました。", jst(2023, 7, 31, 10), now.minus(Duration.ofDays(30)), "JBC");
        add(author, "横浜ブルーカーボン・オフセット制度 クレジットの活用について", """
                横浜ブルーカーボン・オフセット制度のクレジットは、イベントや企業活動、個人の排出のオフセットに活用できます。
                活用の実績は制度の統計ページで公開しています。
                """, jst(2023, 9, 1, 10), null, "YBC");
    }

    private long add(long author, String title, String body, Instant start, Instant end) {
        return add(author, title, body, start, end, null);
    }

    private long add(long author, String title, String body, Instant start, Instant end, String programme) {
        return add(author, title, body, start, end, programme, null, null);
    }

    private long add(
            long author,
            String title,
            String body,
            Instant start,
            Instant end,
            String programme,
            String titleEn,
            String bodyEn) {
        return notices.insert(
                new NoticeDraft(title, body, start, end, programme, titleEn, bodyEn), author, clock.instant());
    }

    /** A one-page stand-in for seed 002's operation manual, attached to its notice as a PDF. */
    static byte[] manualPdf() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4);
        PdfWriter.getInstance(document, bytes);
        document.open();
        Font heading = new Font(PdfFonts.japanese(), 16);
        Font text = new Font(PdfFonts.japanese(), 11);
        document.add(new Paragraph("ユーザー向け操作マニュアル（デモ）", heading));
        document.add(new Paragraph("事前相談の申込み、プロジェクト申請、クレジットの移転と無効化の手順を説明します。", text));
        document.close();
        return bytes.toByteArray();
    }

    private static Instant jst(int year, int month, int day, int hour) {
        return LocalDateTime.of(year, month, day, hour, 0)
                .atZone(SchemeTime.ZONE)
                .toInstant();
    }
}
