package org.amamo.identity.internal;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.amamo.identity.ValidCorporateNumber;

/**
 * Self-registration (seed 003 【ユーザー登録】): an individual gives name, address, phone, e-mail and
 * password; an organisation also gives its name and, optionally, its 法人番号. A web form object, hence
 * mutable; the rules that span fields are checked by {@link RegistrationService}.
 */
public class RegistrationForm {

    static final int PASSWORD_MIN = 12;
    static final int PASSWORD_MAX = 128;

    @NotNull(message = "{validation.required}")
    private AccountKind kind = AccountKind.ORGANISATION;

    @NotBlank(message = "{validation.required}")
    @Size(max = 100, message = "{validation.size.max}")
    private String fullName;

    @Size(max = 200, message = "{validation.size.max}")
    private String organisationName;

    @Size(max = 100, message = "{validation.size.max}")
    private String title;

    @ValidCorporateNumber
    private String corporateNumber;

    @NotBlank(message = "{validation.required}")
    @Size(max = 300, message = "{validation.size.max}")
    private String address;

    @NotBlank(message = "{validation.required}")
    @Pattern(regexp = "^\\+?[0-9][0-9 -]{8,18}[0-9]$", message = "{validation.phone}")
    private String phone;

    @NotBlank(message = "{validation.required}")
    @Email(message = "{validation.email}")
    @Size(max = 254, message = "{validation.size.max}")
    private String email;

    @NotBlank(message = "{validation.required}")
    @Size(min = PASSWORD_MIN, max = PASSWORD_MAX, message = "{validation.password.size}")
    private String password;

    @NotBlank(message = "{validation.required}")
    private String passwordConfirmation;

    public AccountKind getKind() {
        return kind;
    }

    public void setKind(AccountKind kind) {
        this.kind = kind;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getOrganisationName() {
        return organisationName;
    }

    public void setOrganisationName(String organisationName) {
        this.organisationName = organisationName;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getCorporateNumber() {
        return corporateNumber;
    }

    public void setCorporateNumber(String corporateNumber) {
        this.corporateNumber = corporateNumber;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getPasswordConfirmation() {
        return passwordConfirmation;
    }

    public void setPasswordConfirmation(String passwordConfirmation) {
        this.passwordConfirmation = passwordConfirmation;
    }
}
