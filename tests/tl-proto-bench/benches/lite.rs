//! TON lite-server answers, ours against tl-proto 0.5.4, in one process: encode into a new buffer and
//! into a reused one, and decode borrowed. `tests/same_bytes.rs` checks first that both write the same
//! bytes.
//!
//! Run with `cargo bench -p tl-proto-bench --bench lite` (needs `../shared/schema/wild/lite_api.tl`).

#[cfg(has_lite_api)]
mod benches {
    use divan::{Bencher, black_box, counter::BytesCount};
    use tl_proto_bench::{Sample, ours, theirs};
    use tl_runtime::{DeserializeBorrowed, Serialize};

    type OursBlockTransactions<'a> = ours::borrowed::enums::lite_server::BlockTransactions<'a>;
    type OursAccountState<'a> = ours::borrowed::enums::lite_server::AccountState<'a>;

    /// `(transaction ids, proof bytes)`: the 1.9 KB and 101 KB answers.
    const BLOCK_TRANSACTIONS: [(usize, usize); 2] = [(16, 0), (1024, 16 * 1024)];

    #[divan::bench(args = BLOCK_TRANSACTIONS)]
    fn block_transactions_encode_new_ours(bencher: Bencher, (ids, proof): (usize, usize)) {
        let value = Sample::new(ids, proof).ours_block_transactions();
        let size = value.to_bytes().len();
        bencher
            .counter(BytesCount::new(size))
            .bench(|| black_box(&value).to_bytes());
    }

    #[divan::bench(args = BLOCK_TRANSACTIONS)]
    fn block_transactions_encode_new_tl_proto(bencher: Bencher, (ids, proof): (usize, usize)) {
        let sample = Sample::new(ids, proof);
        let value = sample.theirs_block_transactions();
        let size = tl_proto::serialize(&value).len();
        bencher
            .counter(BytesCount::new(size))
            .bench(|| tl_proto::serialize(black_box(&value)));
    }

    #[divan::bench(args = BLOCK_TRANSACTIONS)]
    fn block_transactions_encode_reused_ours(bencher: Bencher, (ids, proof): (usize, usize)) {
        let value = Sample::new(ids, proof).ours_block_transactions();
        let mut buffer = Vec::with_capacity(value.to_bytes().len());
        bencher.counter(BytesCount::new(buffer.capacity())).bench_local(|| {
            buffer.clear();
            black_box(&value).serialize(&mut buffer);
            buffer.len()
        });
    }

    #[divan::bench(args = BLOCK_TRANSACTIONS)]
    fn block_transactions_encode_reused_tl_proto(bencher: Bencher, (ids, proof): (usize, usize)) {
        let sample = Sample::new(ids, proof);
        let value = sample.theirs_block_transactions();
        let mut buffer = Vec::with_capacity(tl_proto::serialize(&value).len());
        bencher.counter(BytesCount::new(buffer.capacity())).bench_local(|| {
            buffer.clear();
            tl_proto::serialize_into(black_box(&value), &mut buffer);
            buffer.len()
        });
    }

    #[divan::bench(args = BLOCK_TRANSACTIONS)]
    fn block_transactions_decode_ours(bencher: Bencher, (ids, proof): (usize, usize)) {
        let bytes = Sample::new(ids, proof).ours_block_transactions().to_bytes();
        bencher
            .counter(BytesCount::of_slice(&bytes))
            .bench(|| OursBlockTransactions::from_bytes_borrowed(black_box(&bytes)).expect("decodes"));
    }

    #[divan::bench(args = BLOCK_TRANSACTIONS)]
    fn block_transactions_decode_tl_proto(bencher: Bencher, (ids, proof): (usize, usize)) {
        let bytes = Sample::new(ids, proof).ours_block_transactions().to_bytes();
        bencher
            .counter(BytesCount::of_slice(&bytes))
            .bench(|| tl_proto::deserialize::<theirs::BlockTransactions<'_>>(black_box(&bytes)).expect("decodes"));
    }

    /// A 64 KiB account state.
    const STATE: usize = 64 * 1024;

    #[divan::bench]
    fn account_state_decode_ours(bencher: Bencher) {
        let bytes = Sample::new(0, STATE).ours_account_state().to_bytes();
        bencher
            .counter(BytesCount::of_slice(&bytes))
            .bench(|| OursAccountState::from_bytes_borrowed(black_box(&bytes)).expect("decodes"));
    }

    #[divan::bench]
    fn account_state_decode_tl_proto(bencher: Bencher) {
        let bytes = Sample::new(0, STATE).ours_account_state().to_bytes();
        bencher
            .counter(BytesCount::of_slice(&bytes))
            .bench(|| tl_proto::deserialize::<theirs::AccountState<'_>>(black_box(&bytes)).expect("decodes"));
    }
}

fn main() {
    divan::main();
}
