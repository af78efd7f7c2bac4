//! TON lite-server answers, ours against tl-proto 0.5.4, in one process: encode into a new buffer and
//! into a reused one, decode borrowed and owned. `tests/same_bytes.rs` checks first that both write the
//! same bytes and read each other's.
//!
//! The shapes: `liteServer.blockTransactions` (16 and 1024 transaction ids, flags on every id), a
//! 64 KiB `liteServer.accountState` (large `bytes`), and a `liteServer.partialBlockProof` of 64 links
//! (four levels deep, many small boxed objects, many short `bytes`).
//!
//! Run with `cargo bench -p tl-proto-bench --bench lite` (needs `../shared/schema/wild/lite_api.tl`);
//! `scripts/bench-spread.py --peer tl_proto` runs it five times and gives the ratios of every run.

#[cfg(has_lite_api)]
mod benches {
    use divan::{Bencher, black_box, counter::BytesCount};
    use tl_proto_bench::{Sample, ours, theirs};
    use tl_runtime::{Deserialize, DeserializeBorrowed, Serialize};

    use ours::borrowed::enums::lite_server as borrowed;
    use ours::enums::lite_server as owned;

    /// `(transaction ids, proof bytes)`: a 1.9 KB and a 101 KB answer.
    const BLOCK_TRANSACTIONS: [(usize, usize); 2] = [(16, 0), (1024, 16 * 1024)];
    /// A 64 KiB account state.
    const STATE: usize = 64 * 1024;
    /// Links in the partial block proof.
    const STEPS: usize = 64;

    fn encode_new<T>(bencher: Bencher, value: &T, write: impl Fn(&T) -> Vec<u8> + Sync) {
        let size = write(value).len();
        bencher
            .counter(BytesCount::new(size))
            .bench_local(|| write(black_box(value)));
    }

    fn encode_reused<T>(bencher: Bencher, value: &T, write: impl Fn(&T, &mut Vec<u8>)) {
        let mut buffer = Vec::new();
        write(value, &mut buffer);
        bencher.counter(BytesCount::new(buffer.len())).bench_local(|| {
            buffer.clear();
            write(black_box(value), &mut buffer);
            buffer.len()
        });
    }

    fn decode<'b, T>(bencher: Bencher, bytes: &'b [u8], read: impl Fn(&'b [u8]) -> T) {
        bencher
            .counter(BytesCount::of_slice(bytes))
            .bench_local(|| read(black_box(bytes)));
    }

    fn ours_new<T: Serialize>(value: &T) -> Vec<u8> {
        value.to_bytes()
    }

    fn ours_into<T: Serialize>(value: &T, buffer: &mut Vec<u8>) {
        value.serialize(buffer);
    }

    fn theirs_new<T: tl_proto::TlWrite<Repr = tl_proto::Boxed>>(value: &T) -> Vec<u8> {
        tl_proto::serialize(value)
    }

    fn theirs_into<T: tl_proto::TlWrite<Repr = tl_proto::Boxed>>(value: &T, buffer: &mut Vec<u8>) {
        tl_proto::serialize_into(value, buffer);
    }

    fn transactions(args: (usize, usize)) -> Sample {
        Sample::new(args.0, args.1)
    }

    #[divan::bench(args = BLOCK_TRANSACTIONS)]
    fn block_transactions_encode_new_ours(bencher: Bencher, args: (usize, usize)) {
        encode_new(bencher, &transactions(args).ours_block_transactions(), ours_new);
    }

    #[divan::bench(args = BLOCK_TRANSACTIONS)]
    fn block_transactions_encode_new_tl_proto(bencher: Bencher, args: (usize, usize)) {
        encode_new(bencher, &transactions(args).theirs_block_transactions(), theirs_new);
    }

    #[divan::bench(args = BLOCK_TRANSACTIONS)]
    fn block_transactions_encode_reused_ours(bencher: Bencher, args: (usize, usize)) {
        encode_reused(bencher, &transactions(args).ours_block_transactions(), ours_into);
    }

    #[divan::bench(args = BLOCK_TRANSACTIONS)]
    fn block_transactions_encode_reused_tl_proto(bencher: Bencher, args: (usize, usize)) {
        encode_reused(bencher, &transactions(args).theirs_block_transactions(), theirs_into);
    }

    /// The length pass a new buffer is sized by: ours exact, tl-proto's `max_size_hint`.
    #[divan::bench(args = BLOCK_TRANSACTIONS)]
    fn block_transactions_length_ours(bencher: Bencher, args: (usize, usize)) {
        let value = transactions(args).ours_block_transactions();
        bencher.bench_local(|| black_box(&value).serialized_len());
    }

    #[divan::bench(args = BLOCK_TRANSACTIONS)]
    fn block_transactions_length_tl_proto(bencher: Bencher, args: (usize, usize)) {
        let sample = transactions(args);
        let value = sample.theirs_block_transactions();
        bencher.bench_local(|| tl_proto::TlWrite::max_size_hint(black_box(&value)));
    }

    #[divan::bench(args = BLOCK_TRANSACTIONS)]
    fn block_transactions_decode_ours(bencher: Bencher, args: (usize, usize)) {
        let bytes = transactions(args).ours_block_transactions().to_bytes();
        decode(bencher, &bytes, |b| {
            borrowed::BlockTransactions::from_bytes_borrowed(b).expect("decodes")
        });
    }

    #[divan::bench(args = BLOCK_TRANSACTIONS)]
    fn block_transactions_decode_tl_proto(bencher: Bencher, args: (usize, usize)) {
        let bytes = transactions(args).ours_block_transactions().to_bytes();
        decode(bencher, &bytes, |b| {
            tl_proto::deserialize::<theirs::BlockTransactions<'_>>(b).expect("decodes")
        });
    }

    #[divan::bench(args = BLOCK_TRANSACTIONS)]
    fn block_transactions_decode_owned_ours(bencher: Bencher, args: (usize, usize)) {
        let bytes = transactions(args).ours_block_transactions().to_bytes();
        decode(bencher, &bytes, |b| {
            owned::BlockTransactions::from_bytes(b).expect("decodes")
        });
    }

    #[divan::bench(args = BLOCK_TRANSACTIONS)]
    fn block_transactions_decode_owned_tl_proto(bencher: Bencher, args: (usize, usize)) {
        let bytes = transactions(args).ours_block_transactions().to_bytes();
        decode(bencher, &bytes, |b| {
            tl_proto::deserialize::<theirs::BlockTransactionsOwned>(b).expect("decodes")
        });
    }

    #[divan::bench]
    fn account_state_encode_new_ours(bencher: Bencher) {
        encode_new(bencher, &Sample::new(0, STATE).ours_account_state(), ours_new);
    }

    #[divan::bench]
    fn account_state_encode_new_tl_proto(bencher: Bencher) {
        let (sample, proofs) = (Sample::new(0, STATE), Sample::account_proofs());
        encode_new(bencher, &sample.theirs_account_state(&proofs), theirs_new);
    }

    #[divan::bench]
    fn account_state_encode_reused_ours(bencher: Bencher) {
        encode_reused(bencher, &Sample::new(0, STATE).ours_account_state(), ours_into);
    }

    #[divan::bench]
    fn account_state_encode_reused_tl_proto(bencher: Bencher) {
        let (sample, proofs) = (Sample::new(0, STATE), Sample::account_proofs());
        encode_reused(bencher, &sample.theirs_account_state(&proofs), theirs_into);
    }

    #[divan::bench]
    fn account_state_decode_ours(bencher: Bencher) {
        let bytes = Sample::new(0, STATE).ours_account_state().to_bytes();
        decode(bencher, &bytes, |b| {
            borrowed::AccountState::from_bytes_borrowed(b).expect("decodes")
        });
    }

    #[divan::bench]
    fn account_state_decode_tl_proto(bencher: Bencher) {
        let bytes = Sample::new(0, STATE).ours_account_state().to_bytes();
        decode(bencher, &bytes, |b| {
            tl_proto::deserialize::<theirs::AccountState<'_>>(b).expect("decodes")
        });
    }

    #[divan::bench]
    fn account_state_decode_owned_ours(bencher: Bencher) {
        let bytes = Sample::new(0, STATE).ours_account_state().to_bytes();
        decode(bencher, &bytes, |b| {
            owned::AccountState::from_bytes(b).expect("decodes")
        });
    }

    #[divan::bench]
    fn account_state_decode_owned_tl_proto(bencher: Bencher) {
        let bytes = Sample::new(0, STATE).ours_account_state().to_bytes();
        decode(bencher, &bytes, |b| {
            tl_proto::deserialize::<theirs::AccountStateOwned>(b).expect("decodes")
        });
    }

    fn proof() -> Sample {
        Sample::new(STEPS, Sample::PROOF_BLOB)
    }

    #[divan::bench]
    fn partial_block_proof_encode_new_ours(bencher: Bencher) {
        encode_new(bencher, &proof().ours_partial_block_proof(), ours_new);
    }

    #[divan::bench]
    fn partial_block_proof_encode_new_tl_proto(bencher: Bencher) {
        encode_new(bencher, &proof().theirs_partial_block_proof(), theirs_new);
    }

    #[divan::bench]
    fn partial_block_proof_encode_reused_ours(bencher: Bencher) {
        encode_reused(bencher, &proof().ours_partial_block_proof(), ours_into);
    }

    #[divan::bench]
    fn partial_block_proof_encode_reused_tl_proto(bencher: Bencher) {
        encode_reused(bencher, &proof().theirs_partial_block_proof(), theirs_into);
    }

    #[divan::bench]
    fn partial_block_proof_decode_ours(bencher: Bencher) {
        let bytes = proof().ours_partial_block_proof().to_bytes();
        decode(bencher, &bytes, |b| {
            borrowed::PartialBlockProof::from_bytes_borrowed(b).expect("decodes")
        });
    }

    #[divan::bench]
    fn partial_block_proof_decode_tl_proto(bencher: Bencher) {
        let bytes = proof().ours_partial_block_proof().to_bytes();
        decode(bencher, &bytes, |b| {
            tl_proto::deserialize::<theirs::PartialBlockProof<'_>>(b).expect("decodes")
        });
    }
}

fn main() {
    divan::main();
}
