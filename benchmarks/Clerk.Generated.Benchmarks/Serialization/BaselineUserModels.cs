using System.Text.Json;
using System.Text.Json.Serialization;

// The baseline for UserPageDeserializationBenchmarks: plain classes with the same shape as the generated User and
// every type it reaches (names, property types, required/nullable, snake_case wire names), serialized by
// System.Text.Json's own source generator. Differences that follow from what STJ can express: open enums are
// strings here, and the six verification unions are one polymorphic base discriminated on "object" (STJ's
// polymorphism needs a common base; AllowOutOfOrderMetadataProperties because Clerk does not put "object" first).
// Written once from the generated models' property lists and wire names, then kept as plain source.
namespace Clerk.Generated.Benchmarks.Serialization.Baseline;

[JsonSourceGenerationOptions(AllowOutOfOrderMetadataProperties = true)]
[JsonSerializable(typeof(IReadOnlyList<BaselineUser>))]
internal sealed partial class BaselineJsonContext : JsonSerializerContext
{
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "object")]
[JsonDerivedType(typeof(BaselineVerificationAdmin), "verification_admin")]
[JsonDerivedType(typeof(BaselineVerificationEmailLink), "verification_email_link")]
[JsonDerivedType(typeof(BaselineVerificationFromOauth), "verification_from_oauth")]
[JsonDerivedType(typeof(BaselineVerificationGoogleOneTap), "verification_google_one_tap")]
[JsonDerivedType(typeof(BaselineVerificationOauth), "verification_oauth")]
[JsonDerivedType(typeof(BaselineVerificationOtp), "verification_otp")]
[JsonDerivedType(typeof(BaselineVerificationSaml), "verification_saml")]
[JsonDerivedType(typeof(BaselineVerificationScim), "verification_scim")]
[JsonDerivedType(typeof(BaselineVerificationTicket), "verification_ticket")]
[JsonDerivedType(typeof(BaselineVerificationWeb3), "verification_web3")]
public abstract class BaselineVerification
{
}

public sealed class BaselineEmailAddress
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }
    [JsonPropertyName("object")]
    public required string Object { get; init; }
    [JsonPropertyName("email_address")]
    public required string EmailAddressValue { get; init; }
    [JsonPropertyName("reserved")]
    public required bool Reserved { get; init; }
    [JsonPropertyName("verification")]
    public required BaselineVerification? Verification { get; init; }
    [JsonPropertyName("linked_to")]
    public required IReadOnlyList<BaselineIdentificationLink> LinkedTo { get; init; }
    [JsonPropertyName("matches_sso_connection")]
    public bool? MatchesSsoConnection { get; init; }
    [JsonPropertyName("created_at")]
    public required long CreatedAt { get; init; }
    [JsonPropertyName("updated_at")]
    public required long UpdatedAt { get; init; }
}

public sealed class BaselineEnterpriseAccount
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }
    [JsonPropertyName("object")]
    public required string Object { get; init; }
    [JsonPropertyName("protocol")]
    public string? Protocol { get; init; }
    [JsonPropertyName("provider")]
    public required string Provider { get; init; }
    [JsonPropertyName("active")]
    public required bool Active { get; init; }
    [JsonPropertyName("email_address")]
    public required string EmailAddress { get; init; }
    [JsonPropertyName("first_name")]
    public string? FirstName { get; init; }
    [JsonPropertyName("last_name")]
    public string? LastName { get; init; }
    [JsonPropertyName("provider_user_id")]
    public string? ProviderUserId { get; init; }
    [JsonPropertyName("enterprise_connection_id")]
    public string? EnterpriseConnectionId { get; init; }
    [JsonPropertyName("public_metadata")]
    public IReadOnlyDictionary<string, JsonElement>? PublicMetadata { get; init; }
    [JsonPropertyName("verification")]
    public required BaselineVerification? Verification { get; init; }
    [JsonPropertyName("enterprise_connection")]
    public BaselineEnterpriseAccountConnection? EnterpriseConnection { get; init; }
    [JsonPropertyName("last_authenticated_at")]
    public long? LastAuthenticatedAt { get; init; }
}

public sealed class BaselineEnterpriseAccountConnection
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }
    [JsonPropertyName("protocol")]
    public required string Protocol { get; init; }
    [JsonPropertyName("provider")]
    public required string Provider { get; init; }
    [JsonPropertyName("name")]
    public required string Name { get; init; }
    [JsonPropertyName("logo_public_url")]
    public required string? LogoPublicUrl { get; init; }
    [JsonPropertyName("domain")]
    public string? Domain { get; init; }
    [JsonPropertyName("domains")]
    public IReadOnlyList<string>? Domains { get; init; }
    [JsonPropertyName("active")]
    public required bool Active { get; init; }
    [JsonPropertyName("sync_user_attributes")]
    public required bool SyncUserAttributes { get; init; }
    [JsonPropertyName("allow_subdomains")]
    public required bool AllowSubdomains { get; init; }
    [JsonPropertyName("allow_idp_initiated")]
    public required bool AllowIdpInitiated { get; init; }
    [JsonPropertyName("disable_additional_identifications")]
    public required bool DisableAdditionalIdentifications { get; init; }
    [JsonPropertyName("created_at")]
    public required long CreatedAt { get; init; }
    [JsonPropertyName("updated_at")]
    public required long UpdatedAt { get; init; }
}

public sealed class BaselineExternalAccountWithVerification
{
    [JsonPropertyName("object")]
    public required string Object { get; init; }
    [JsonPropertyName("id")]
    public required string Id { get; init; }
    [JsonPropertyName("provider")]
    public required string Provider { get; init; }
    [JsonPropertyName("identification_id")]
    public required string IdentificationId { get; init; }
    [JsonPropertyName("provider_user_id")]
    public required string ProviderUserId { get; init; }
    [JsonPropertyName("approved_scopes")]
    public required string ApprovedScopes { get; init; }
    [JsonPropertyName("email_address")]
    public required string EmailAddress { get; init; }
    [JsonPropertyName("email_address_verified")]
    public bool? EmailAddressVerified { get; init; }
    [JsonPropertyName("first_name")]
    public required string FirstName { get; init; }
    [JsonPropertyName("last_name")]
    public required string LastName { get; init; }
    [JsonPropertyName("avatar_url")]
    public string? AvatarUrl { get; init; }
    [JsonPropertyName("image_url")]
    public string? ImageUrl { get; init; }
    [JsonPropertyName("username")]
    public string? Username { get; init; }
    [JsonPropertyName("phone_number")]
    public string? PhoneNumber { get; init; }
    [JsonPropertyName("public_metadata")]
    public required IReadOnlyDictionary<string, JsonElement> PublicMetadata { get; init; }
    [JsonPropertyName("label")]
    public string? Label { get; init; }
    [JsonPropertyName("created_at")]
    public required long CreatedAt { get; init; }
    [JsonPropertyName("updated_at")]
    public required long UpdatedAt { get; init; }
    [JsonPropertyName("verification")]
    public required BaselineVerification? Verification { get; init; }
}

public sealed class BaselineIdentificationLink
{
    [JsonPropertyName("type")]
    public required string Type { get; init; }
    [JsonPropertyName("id")]
    public required string Id { get; init; }
}

public sealed class BaselineOrganization
{
    [JsonPropertyName("object")]
    public required string Object { get; init; }
    [JsonPropertyName("id")]
    public required string Id { get; init; }
    [JsonPropertyName("name")]
    public required string Name { get; init; }
    [JsonPropertyName("slug")]
    public required string Slug { get; init; }
    [JsonPropertyName("image_url")]
    public string? ImageUrl { get; init; }
    [JsonPropertyName("has_image")]
    public required bool HasImage { get; init; }
    [JsonPropertyName("members_count")]
    public long? MembersCount { get; init; }
    [JsonPropertyName("missing_member_with_elevated_permissions")]
    public bool? MissingMemberWithElevatedPermissions { get; init; }
    [JsonPropertyName("pending_invitations_count")]
    public long? PendingInvitationsCount { get; init; }
    [JsonPropertyName("max_allowed_memberships")]
    public required long MaxAllowedMemberships { get; init; }
    [JsonPropertyName("admin_delete_enabled")]
    public required bool AdminDeleteEnabled { get; init; }
    [JsonPropertyName("public_metadata")]
    public required IReadOnlyDictionary<string, JsonElement> PublicMetadata { get; init; }
    [JsonPropertyName("private_metadata")]
    public IReadOnlyDictionary<string, JsonElement>? PrivateMetadata { get; init; }
    [JsonPropertyName("created_by")]
    public string? CreatedBy { get; init; }
    [JsonPropertyName("created_at")]
    public required long CreatedAt { get; init; }
    [JsonPropertyName("updated_at")]
    public required long UpdatedAt { get; init; }
    [JsonPropertyName("last_active_at")]
    public long? LastActiveAt { get; init; }
    [JsonPropertyName("role_set_key")]
    public string? RoleSetKey { get; init; }
}

public sealed class BaselineOrganizationMembership
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }
    [JsonPropertyName("object")]
    public required string Object { get; init; }
    [JsonPropertyName("role")]
    public required string Role { get; init; }
    [JsonPropertyName("role_name")]
    public string? RoleName { get; init; }
    [JsonPropertyName("permissions")]
    public required IReadOnlyList<string> Permissions { get; init; }
    [JsonPropertyName("public_metadata")]
    public required IReadOnlyDictionary<string, JsonElement> PublicMetadata { get; init; }
    [JsonPropertyName("private_metadata")]
    public IReadOnlyDictionary<string, JsonElement>? PrivateMetadata { get; init; }
    [JsonPropertyName("organization")]
    public required BaselineOrganization Organization { get; init; }
    [JsonPropertyName("public_user_data")]
    public BaselineOrganizationMembershipPublicUserData? PublicUserData { get; init; }
    [JsonPropertyName("created_at")]
    public required long CreatedAt { get; init; }
    [JsonPropertyName("updated_at")]
    public required long UpdatedAt { get; init; }
}

public sealed class BaselineOrganizationMembershipPublicUserData
{
    [JsonPropertyName("user_id")]
    public required string UserId { get; init; }
    [JsonPropertyName("first_name")]
    public required string? FirstName { get; init; }
    [JsonPropertyName("last_name")]
    public required string? LastName { get; init; }
    [JsonPropertyName("profile_image_url")]
    public string? ProfileImageUrl { get; init; }
    [JsonPropertyName("image_url")]
    public required string ImageUrl { get; init; }
    [JsonPropertyName("has_image")]
    public required bool HasImage { get; init; }
    [JsonPropertyName("identifier")]
    public string? Identifier { get; init; }
    [JsonPropertyName("username")]
    public string? Username { get; init; }
    [JsonPropertyName("banned")]
    public bool? Banned { get; init; }
    [JsonPropertyName("deprovisioned")]
    public bool? Deprovisioned { get; init; }
}

public sealed class BaselinePasskey
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }
    [JsonPropertyName("object")]
    public required string Object { get; init; }
    [JsonPropertyName("name")]
    public required string Name { get; init; }
    [JsonPropertyName("last_used_at")]
    public required long LastUsedAt { get; init; }
    [JsonPropertyName("verification")]
    public required BaselineVerificationPasskey? Verification { get; init; }
}

public sealed class BaselinePhoneNumber
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }
    [JsonPropertyName("object")]
    public required string Object { get; init; }
    [JsonPropertyName("phone_number")]
    public required string PhoneNumberValue { get; init; }
    [JsonPropertyName("reserved_for_second_factor")]
    public bool? ReservedForSecondFactor { get; init; }
    [JsonPropertyName("default_second_factor")]
    public bool? DefaultSecondFactor { get; init; }
    [JsonPropertyName("reserved")]
    public required bool Reserved { get; init; }
    [JsonPropertyName("verification")]
    public required BaselineVerification? Verification { get; init; }
    [JsonPropertyName("linked_to")]
    public required IReadOnlyList<BaselineIdentificationLink> LinkedTo { get; init; }
    [JsonPropertyName("backup_codes")]
    public IReadOnlyList<string>? BackupCodes { get; init; }
    [JsonPropertyName("created_at")]
    public required long CreatedAt { get; init; }
    [JsonPropertyName("updated_at")]
    public required long UpdatedAt { get; init; }
}

public sealed class BaselineSamlAccount
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }
    [JsonPropertyName("object")]
    public required string Object { get; init; }
    [JsonPropertyName("provider")]
    public required string Provider { get; init; }
    [JsonPropertyName("active")]
    public required bool Active { get; init; }
    [JsonPropertyName("email_address")]
    public required string EmailAddress { get; init; }
    [JsonPropertyName("first_name")]
    public string? FirstName { get; init; }
    [JsonPropertyName("last_name")]
    public string? LastName { get; init; }
    [JsonPropertyName("provider_user_id")]
    public string? ProviderUserId { get; init; }
    [JsonPropertyName("last_authenticated_at")]
    public long? LastAuthenticatedAt { get; init; }
    [JsonPropertyName("public_metadata")]
    public IReadOnlyDictionary<string, JsonElement>? PublicMetadata { get; init; }
    [JsonPropertyName("verification")]
    public required BaselineVerification? Verification { get; init; }
    [JsonPropertyName("saml_connection")]
    public BaselineSamlAccountConnection? SamlConnection { get; init; }
}

public sealed class BaselineSamlAccountConnection
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }
    [JsonPropertyName("name")]
    public required string Name { get; init; }
    [JsonPropertyName("domain")]
    public string? Domain { get; init; }
    [JsonPropertyName("domains")]
    public IReadOnlyList<string>? Domains { get; init; }
    [JsonPropertyName("active")]
    public required bool Active { get; init; }
    [JsonPropertyName("provider")]
    public required string Provider { get; init; }
    [JsonPropertyName("sync_user_attributes")]
    public required bool SyncUserAttributes { get; init; }
    [JsonPropertyName("allow_subdomains")]
    public bool? AllowSubdomains { get; init; }
    [JsonPropertyName("allow_idp_initiated")]
    public bool? AllowIdpInitiated { get; init; }
    [JsonPropertyName("disable_additional_identifications")]
    public bool? DisableAdditionalIdentifications { get; init; }
    [JsonPropertyName("created_at")]
    public required long CreatedAt { get; init; }
    [JsonPropertyName("updated_at")]
    public required long UpdatedAt { get; init; }
}

public sealed class BaselineScimUserMetadata
{
    [JsonPropertyName("directory_id")]
    public required string DirectoryId { get; init; }
    [JsonPropertyName("directory_enabled")]
    public bool? DirectoryEnabled { get; init; }
    [JsonPropertyName("external_id")]
    public required string? ExternalId { get; init; }
}

public sealed class BaselineUser
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }
    [JsonPropertyName("object")]
    public required string Object { get; init; }
    [JsonPropertyName("external_id")]
    public required string? ExternalId { get; init; }
    [JsonPropertyName("primary_email_address_id")]
    public required string? PrimaryEmailAddressId { get; init; }
    [JsonPropertyName("primary_phone_number_id")]
    public required string? PrimaryPhoneNumberId { get; init; }
    [JsonPropertyName("primary_web3_wallet_id")]
    public required string? PrimaryWeb3WalletId { get; init; }
    [JsonPropertyName("username")]
    public required string? Username { get; init; }
    [JsonPropertyName("first_name")]
    public required string? FirstName { get; init; }
    [JsonPropertyName("last_name")]
    public required string? LastName { get; init; }
    [JsonPropertyName("locale")]
    public string? Locale { get; init; }
    [JsonPropertyName("profile_image_url")]
    public string? ProfileImageUrl { get; init; }
    [JsonPropertyName("image_url")]
    public string? ImageUrl { get; init; }
    [JsonPropertyName("has_image")]
    public required bool HasImage { get; init; }
    [JsonPropertyName("public_metadata")]
    public required IReadOnlyDictionary<string, JsonElement> PublicMetadata { get; init; }
    [JsonPropertyName("private_metadata")]
    public IReadOnlyDictionary<string, JsonElement>? PrivateMetadata { get; init; }
    [JsonPropertyName("unsafe_metadata")]
    public IReadOnlyDictionary<string, JsonElement>? UnsafeMetadata { get; init; }
    [JsonPropertyName("email_addresses")]
    public required IReadOnlyList<BaselineEmailAddress> EmailAddresses { get; init; }
    [JsonPropertyName("phone_numbers")]
    public required IReadOnlyList<BaselinePhoneNumber> PhoneNumbers { get; init; }
    [JsonPropertyName("web3_wallets")]
    public required IReadOnlyList<BaselineWeb3Wallet> Web3Wallets { get; init; }
    [JsonPropertyName("passkeys")]
    public required IReadOnlyList<BaselinePasskey> Passkeys { get; init; }
    [JsonPropertyName("password_enabled")]
    public required bool PasswordEnabled { get; init; }
    [JsonPropertyName("two_factor_enabled")]
    public required bool TwoFactorEnabled { get; init; }
    [JsonPropertyName("totp_enabled")]
    public required bool TotpEnabled { get; init; }
    [JsonPropertyName("backup_code_enabled")]
    public required bool BackupCodeEnabled { get; init; }
    [JsonPropertyName("mfa_enabled_at")]
    public required long? MfaEnabledAt { get; init; }
    [JsonPropertyName("mfa_disabled_at")]
    public required long? MfaDisabledAt { get; init; }
    [JsonPropertyName("password_last_updated_at")]
    public long? PasswordLastUpdatedAt { get; init; }
    [JsonPropertyName("external_accounts")]
    public required IReadOnlyList<BaselineExternalAccountWithVerification> ExternalAccounts { get; init; }
    [JsonPropertyName("saml_accounts")]
    public required IReadOnlyList<BaselineSamlAccount> SamlAccounts { get; init; }
    [JsonPropertyName("enterprise_accounts")]
    public required IReadOnlyList<BaselineEnterpriseAccount> EnterpriseAccounts { get; init; }
    [JsonPropertyName("organization_memberships")]
    public IReadOnlyList<BaselineOrganizationMembership>? OrganizationMemberships { get; init; }
    [JsonPropertyName("last_sign_in_at")]
    public required long? LastSignInAt { get; init; }
    [JsonPropertyName("banned")]
    public required bool Banned { get; init; }
    [JsonPropertyName("locked")]
    public required bool Locked { get; init; }
    [JsonPropertyName("deprovisioned")]
    public bool? Deprovisioned { get; init; }
    [JsonPropertyName("lockout_expires_in_seconds")]
    public required long? LockoutExpiresInSeconds { get; init; }
    [JsonPropertyName("verification_attempts_remaining")]
    public required long? VerificationAttemptsRemaining { get; init; }
    [JsonPropertyName("updated_at")]
    public required long UpdatedAt { get; init; }
    [JsonPropertyName("created_at")]
    public required long CreatedAt { get; init; }
    [JsonPropertyName("delete_self_enabled")]
    public required bool DeleteSelfEnabled { get; init; }
    [JsonPropertyName("create_organization_enabled")]
    public required bool CreateOrganizationEnabled { get; init; }
    [JsonPropertyName("create_organizations_limit")]
    public long? CreateOrganizationsLimit { get; init; }
    [JsonPropertyName("last_active_at")]
    public required long? LastActiveAt { get; init; }
    [JsonPropertyName("legal_accepted_at")]
    public required long? LegalAcceptedAt { get; init; }
    [JsonPropertyName("bypass_client_trust")]
    public bool? BypassClientTrust { get; init; }
    [JsonPropertyName("scim")]
    public BaselineScimUserMetadata? Scim { get; init; }
}

public sealed class BaselineVerificationAdmin : BaselineVerification
{
    [JsonPropertyName("status")]
    public required string Status { get; init; }
    [JsonPropertyName("strategy")]
    public required string Strategy { get; init; }
    [JsonPropertyName("attempts")]
    public required long? Attempts { get; init; }
    [JsonPropertyName("expire_at")]
    public required long? ExpireAt { get; init; }
    [JsonPropertyName("verified_at_client")]
    public string? VerifiedAtClient { get; init; }
}

public sealed class BaselineVerificationEmailLink : BaselineVerification
{
    [JsonPropertyName("status")]
    public required string Status { get; init; }
    [JsonPropertyName("strategy")]
    public required string Strategy { get; init; }
    [JsonPropertyName("attempts")]
    public required long? Attempts { get; init; }
    [JsonPropertyName("expire_at")]
    public required long? ExpireAt { get; init; }
    [JsonPropertyName("verified_at_client")]
    public string? VerifiedAtClient { get; init; }
}

public sealed class BaselineVerificationFromOauth : BaselineVerification
{
    [JsonPropertyName("status")]
    public required string Status { get; init; }
    [JsonPropertyName("strategy")]
    public required string Strategy { get; init; }
    [JsonPropertyName("error")]
    public BaselineClerkError? Error { get; init; }
    [JsonPropertyName("expire_at")]
    public required long? ExpireAt { get; init; }
    [JsonPropertyName("attempts")]
    public required long? Attempts { get; init; }
    [JsonPropertyName("verified_at_client")]
    public string? VerifiedAtClient { get; init; }
}

public sealed class BaselineVerificationGoogleOneTap : BaselineVerification
{
    [JsonPropertyName("status")]
    public required string Status { get; init; }
    [JsonPropertyName("strategy")]
    public required string Strategy { get; init; }
    [JsonPropertyName("expire_at")]
    public required long? ExpireAt { get; init; }
    [JsonPropertyName("attempts")]
    public required long? Attempts { get; init; }
    [JsonPropertyName("verified_at_client")]
    public string? VerifiedAtClient { get; init; }
    [JsonPropertyName("error")]
    public BaselineClerkError? Error { get; init; }
}

public sealed class BaselineVerificationOauth : BaselineVerification
{
    [JsonPropertyName("status")]
    public required string Status { get; init; }
    [JsonPropertyName("strategy")]
    public required string Strategy { get; init; }
    [JsonPropertyName("external_verification_redirect_url")]
    public string? ExternalVerificationRedirectUrl { get; init; }
    [JsonPropertyName("error")]
    public BaselineClerkError? Error { get; init; }
    [JsonPropertyName("expire_at")]
    public required long ExpireAt { get; init; }
    [JsonPropertyName("attempts")]
    public required long? Attempts { get; init; }
    [JsonPropertyName("verified_at_client")]
    public string? VerifiedAtClient { get; init; }
}

public sealed class BaselineVerificationOtp : BaselineVerification
{
    [JsonPropertyName("status")]
    public required string Status { get; init; }
    [JsonPropertyName("strategy")]
    public required string Strategy { get; init; }
    [JsonPropertyName("attempts")]
    public required long? Attempts { get; init; }
    [JsonPropertyName("expire_at")]
    public required long? ExpireAt { get; init; }
    [JsonPropertyName("channel")]
    public string? Channel { get; init; }
    [JsonPropertyName("verified_at_client")]
    public string? VerifiedAtClient { get; init; }
}

public sealed class BaselineVerificationPasskey
{
    [JsonPropertyName("object")]
    public string? Object { get; init; }
    [JsonPropertyName("status")]
    public required string Status { get; init; }
    [JsonPropertyName("strategy")]
    public required string Strategy { get; init; }
    [JsonPropertyName("nonce")]
    public string? Nonce { get; init; }
    [JsonPropertyName("message")]
    public string? Message { get; init; }
    [JsonPropertyName("attempts")]
    public required long? Attempts { get; init; }
    [JsonPropertyName("expire_at")]
    public required long? ExpireAt { get; init; }
    [JsonPropertyName("verified_at_client")]
    public string? VerifiedAtClient { get; init; }
}

public sealed class BaselineVerificationSaml : BaselineVerification
{
    [JsonPropertyName("status")]
    public required string Status { get; init; }
    [JsonPropertyName("strategy")]
    public required string Strategy { get; init; }
    [JsonPropertyName("external_verification_redirect_url")]
    public string? ExternalVerificationRedirectUrl { get; init; }
    [JsonPropertyName("error")]
    public BaselineClerkError? Error { get; init; }
    [JsonPropertyName("expire_at")]
    public long? ExpireAt { get; init; }
    [JsonPropertyName("attempts")]
    public required long? Attempts { get; init; }
    [JsonPropertyName("verified_at_client")]
    public string? VerifiedAtClient { get; init; }
}

public sealed class BaselineVerificationScim : BaselineVerification
{
    [JsonPropertyName("status")]
    public required string Status { get; init; }
    [JsonPropertyName("strategy")]
    public required string Strategy { get; init; }
    [JsonPropertyName("attempts")]
    public required long? Attempts { get; init; }
    [JsonPropertyName("expire_at")]
    public required long? ExpireAt { get; init; }
}

public sealed class BaselineVerificationTicket : BaselineVerification
{
    [JsonPropertyName("status")]
    public required string Status { get; init; }
    [JsonPropertyName("strategy")]
    public required string Strategy { get; init; }
    [JsonPropertyName("attempts")]
    public required long? Attempts { get; init; }
    [JsonPropertyName("expire_at")]
    public required long? ExpireAt { get; init; }
    [JsonPropertyName("verified_at_client")]
    public string? VerifiedAtClient { get; init; }
}

public sealed class BaselineVerificationWeb3 : BaselineVerification
{
    [JsonPropertyName("status")]
    public required string Status { get; init; }
    [JsonPropertyName("strategy")]
    public required string Strategy { get; init; }
    [JsonPropertyName("nonce")]
    public string? Nonce { get; init; }
    [JsonPropertyName("message")]
    public string? Message { get; init; }
    [JsonPropertyName("attempts")]
    public required long? Attempts { get; init; }
    [JsonPropertyName("expire_at")]
    public required long? ExpireAt { get; init; }
    [JsonPropertyName("verified_at_client")]
    public string? VerifiedAtClient { get; init; }
}

public sealed class BaselineWeb3Wallet
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }
    [JsonPropertyName("object")]
    public required string Object { get; init; }
    [JsonPropertyName("web3_wallet")]
    public required string Web3WalletValue { get; init; }
    [JsonPropertyName("verification")]
    public required BaselineVerification? Verification { get; init; }
    [JsonPropertyName("created_at")]
    public required long CreatedAt { get; init; }
    [JsonPropertyName("updated_at")]
    public required long UpdatedAt { get; init; }
}
public sealed class BaselineClerkError
{
    [JsonPropertyName("message")]
    public string? Message { get; init; }
    [JsonPropertyName("long_message")]
    public string? LongMessage { get; init; }
    [JsonPropertyName("code")]
    public string? Code { get; init; }
    [JsonPropertyName("meta")]
    public JsonElement? Meta { get; init; }
}
