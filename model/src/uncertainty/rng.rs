//! A small, fast, reproducible random number generator: `xoshiro256**` seeded through `SplitMix64`,
//! as Blackman and Vigna publish them (<https://prng.di.unimi.it/>, public domain). The same
//! seed gives the same samples on every machine, so a Monte Carlo run can be repeated exactly.

/// `xoshiro256**`: 256 bits of state, period 2^256 − 1.
#[derive(Clone, Debug)]
pub struct Rng {
    state: [u64; 4],
}

/// `SplitMix64`, to spread a 64-bit seed over xoshiro's state.
const fn split_mix(x: &mut u64) -> u64 {
    *x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *x;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Rng {
    /// A generator seeded with `seed`.
    #[must_use]
    pub const fn new(seed: u64) -> Self {
        let mut x = seed;
        Self {
            state: [
                split_mix(&mut x),
                split_mix(&mut x),
                split_mix(&mut x),
                split_mix(&mut x),
            ],
        }
    }

    /// The next 64 random bits.
    pub const fn next_u64(&mut self) -> u64 {
        let s = &mut self.state;
        let result = s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        result
    }

    /// A uniform number in the open interval (0, 1): the top 53 bits, centred in their step, so
    /// neither end is ever drawn.
    pub fn uniform(&mut self) -> f64 {
        #[expect(
            clippy::cast_precision_loss,
            reason = "53 bits fit an f64's mantissa exactly"
        )]
        let top = (self.next_u64() >> 11) as f64;
        (top + 0.5) * (1.0 / 9_007_199_254_740_992.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_numbers_and_another_seed_others() {
        let draw = |seed| {
            let mut rng = Rng::new(seed);
            (0..5).map(|_| rng.next_u64()).collect::<Vec<_>>()
        };
        assert_eq!(draw(7), draw(7));
        assert_ne!(draw(7), draw(8));
    }

    #[test]
    fn uniform_numbers_stay_inside_zero_and_one_and_average_a_half() {
        let mut rng = Rng::new(1);
        let n = 100_000;
        let mut sum = 0.0;
        for _ in 0..n {
            let u = rng.uniform();
            assert!(u > 0.0 && u < 1.0);
            sum += u;
        }
        let mean = sum / f64::from(n);
        assert!((mean - 0.5).abs() < 0.005, "{mean}");
    }
}
