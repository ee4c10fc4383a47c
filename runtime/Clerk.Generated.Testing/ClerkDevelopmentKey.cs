namespace Clerk.Generated.Testing;

/// <summary>
/// A fixed RSA key pair for local development and tests, published here on purpose: tokens it signs prove nothing
/// to anyone, so a service must only trust it where no real Clerk instance is configured (a developer's machine, CI).
/// Because it never changes, a sample started on it and a test that mints tokens for it agree without sharing files.
/// </summary>
public static class ClerkDevelopmentKey
{
    /// <summary>The <c>kid</c> tokens signed with the development key carry.</summary>
    public const string KeyId = "ins_clerk_generated_development";

    /// <summary>The issuer (<c>iss</c>) development tokens carry: a name that can never be a real frontend API.</summary>
    public const string Issuer = "https://clerk.development.invalid";

    /// <summary>
    /// The private key (PKCS#8 PEM). It is public knowledge: never configure it, or its public half, in a deployed
    /// service.
    /// </summary>
    public const string PrivateKeyPem = """
        -----BEGIN PRIVATE KEY-----
        MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQCez+clB1hXLiou
        oSAhZ6/EcOUKIJj7MX8V1WWcHCr8T70f5TAKDMlUegLncfEdqZ6HTq/7q6sxnx22
        F6K3S/Uvt3PMLPsEFsV5QIEu9ZxDFPAZyixhPxpnTRoBPNjzK3hRAdtHyKUAvWfb
        4DDBLE3hNGdIjgqJUH37vyyYMiqbhqcfd+XxSVsfrbqaMVP55cxzrrRVSPyCwtfp
        vHvexzGjZcYn9/EnKQH4gCFKcGMHNFkdNis5KP9WOiuM+y2tqoyOtPZb3Qq9NYHY
        wTVYRAglX8mHfQFD3gmt93YY7lD4tbWiuVKUZ/yzGvcvgrTAaQjDjUTiOrHAt+Sv
        j+Vp+X8HAgMBAAECggEAK082UYZRxKCt1z6QpRuCNxe0lpDyN1q1ti4Wgj66SEm0
        oWyer7bx9sw5W4XaxAScW3kNjBwyWRtz/lMuyD76NBObDDzeDazqGJmLQVOw1Chz
        HA1jEfgkCrTfmSPPZG1f5/OSKd7hhLSijLd0hFHBQV/JpOM7o1vkp5Fop27S6Mue
        7c+DoTojeGrTWdpJhvQJ6EriFfCtpZkzZ7zD9W5R2WMp2sC0YxKhG0FXmnHiokg1
        3j+aCmMiUqslaXAx5jHJ/9dk5ipEcMgsCO2Nio9+1Kopwn6UnNFiDrXxEbJTs25R
        FdYr+1LvXfEHIw7UdaM93zZvPfZibWtYJj3GoPTxFQKBgQDeEvYb7+gs0gGvuPyk
        m0QubeYevj+fCoPBScnN2WfVcX1ARNvKPQrOmweLtI90MAVeUiB1er/4QSQ4kfCn
        1iF/9Nlt2UcHly86jCfA1pDxtIx0lvv2jWn43CDVxBuWX8oNaE6A9UYBYrjJ5mpT
        /2hGwhwhxqH334I3ZJbGDjKZOwKBgQC3EtiVk8cyzrIN+m2F667N4WPa03bj0JGF
        Z7BzkC+8rvfaYGfQmmu3xImugSqxD2RRo2xHM3B8v0BjmXAhU7u5P+gG90Op9/U8
        Z5WAkMgoy1KXdNXv0HVFSwuesks4nt1XI78Q8IOQ8rcdfhCOlT+Wqa768+zi7yg0
        W1bJcup0pQKBgEDMgZmnSDUD1lAjBz00vRFbKgGge8n5dHaLBGKXZG/onKaLMSLy
        6ttcazg9qHo7pOVfy27cMXXL9Di5hOJEXiQLGwKtmsdBOxu3V8YyFbshdrZyc/T+
        UIS4HrChd3dKXhfJbta8OwAegVMQc8gsx42WCEVmw04jnshxBnmmHOePAoGAL9wo
        bOomQF0S5V6btVAI8d/DiBiSUzpaYMLbuUpvgGdJeniLi1hjYrZpvAoejA1XD5Sm
        oPKMrMAe6CrbyoqmX+aaFQAdW1jsbq8xwVuYSDnnTJsJttkLX2MgFYvM6G93s+kv
        cRE/g+w//ODRGUVhS1Tu3sJYInedThq21JFLQ9UCgYAUuI6YP2tbQDVUwsPgFQ0E
        ksteN075Hz1isHzeBhbTuB6D6OR5Y2V591hc7esmWm3Is1YAF4v0IQVnjHKv//q8
        T2QChaUjGOZZOJFZsz3LTj5u8Oehu6iG3mTZsVADnh+PyYnEU6y3dbnwxRHN8wtZ
        +5uUPUlZu3+wHBPVl5L0hw==
        -----END PRIVATE KEY-----
        """;

    private static readonly Lazy<ClerkTestKey> SharedKey = new(Create);

    /// <summary>The development key pair, loaded once and shared for the life of the process (do not dispose it).</summary>
    public static ClerkTestKey Key => SharedKey.Value;

    /// <summary>The development public key as PEM, in the format of <c>CLERK_JWT_KEY</c>.</summary>
    /// <remarks>Written out rather than derived from <see cref="Key"/>, so a service that only validates never loads the private key.</remarks>
    public static string PublicKeyPem => PublicKeyPemText;

    private const string PublicKeyPemText = """
        -----BEGIN PUBLIC KEY-----
        MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAns/nJQdYVy4qLqEgIWev
        xHDlCiCY+zF/FdVlnBwq/E+9H+UwCgzJVHoC53HxHameh06v+6urMZ8dtheit0v1
        L7dzzCz7BBbFeUCBLvWcQxTwGcosYT8aZ00aATzY8yt4UQHbR8ilAL1n2+AwwSxN
        4TRnSI4KiVB9+78smDIqm4anH3fl8UlbH626mjFT+eXMc660VUj8gsLX6bx73scx
        o2XGJ/fxJykB+IAhSnBjBzRZHTYrOSj/VjorjPstraqMjrT2W90KvTWB2ME1WEQI
        JV/Jh30BQ94Jrfd2GO5Q+LW1orlSlGf8sxr3L4K0wGkIw41E4jqxwLfkr4/lafl/
        BwIDAQAB
        -----END PUBLIC KEY-----
        """;

    /// <summary>A JWKS document serving the development public key.</summary>
    public static string JwksJson => Key.ToJwksJson();

    /// <summary>Loads a new instance of the development key pair, which the caller disposes.</summary>
    public static ClerkTestKey Create() => ClerkTestKey.FromPrivateKeyPem(PrivateKeyPem, KeyId);

    /// <summary>A token minter signing with the shared development <see cref="Key"/>.</summary>
    /// <param name="timeProvider">The clock that defines "now" for default times; system clock when null.</param>
    public static ClerkTestTokens CreateTokens(TimeProvider? timeProvider = null) => new(Key, timeProvider);

    /// <summary>A token description for the development instance: the default test session, issued by <see cref="Issuer"/>.</summary>
    public static ClerkTestTokenDescriptor Descriptor() => new() { Issuer = Issuer };
}
