package org.amamo.notice.internal;

import org.springframework.web.multipart.MultipartFile;

/** The secretariat's upload form on a notice's edit page: one file. */
public class AttachmentUpload {

    private MultipartFile file;

    public MultipartFile getFile() {
        return file;
    }

    public void setFile(MultipartFile file) {
        this.file = file;
    }
}
